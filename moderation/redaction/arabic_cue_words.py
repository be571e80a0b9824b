"""The cue words of Arabic-script detection (Arabic and Persian): words before a person's,
a place's or an organisation's name, the particles of names (kunya, nasab), function words that
are never names. Stored folded (see folding.fold)."""

from __future__ import annotations

from .folding import fold

PROCLITICS = ("و", "ب", "ل", "ف", "ك")


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


# A name follows (kin, neighbours, roles). Persian: برادرم "my brother" etc.
PERSON_CUES = _folded(
    "أخي أخوي اخي أختي اختي أمي امي أبي ابي والدي والدتي ابني ابنتي بنتي زوجي زوجتي زوجها "
    "زوجته عمي عمتي خالي خالتي جدي جدتي صديقي صديقتي صديقنا صديقتنا جاري جارتي جارنا جارتنا "
    "ابن بنت السيد السيدة الشيخ الدكتور الدكتورة الأستاذ الأستاذة المعلم المعلمة الضابط "
    "العقيد النقيب الملازم الحاج الحاجة المهرب القاضي المحامي الممرضة الممرض "
    "برادرم خواهرم پدرم مادرم شوهرم همسرم دوستم پسرم دخترم آقای خانم "
    # Levantine, Iraqi and Sudanese kin words; roles
    "خيي خيو مرتي جوزي رفيقي رفيقتي حماتي عمو خالو ستي المدير المديرة الطبيب الطبيبة "
    "المترجم المترجمة السائق المحقق "
    # Dari and Persian: paternal and maternal uncles and aunts, neighbour; doctor, teacher
    "کاکایم مامایم عمه‌ام خاله‌ام همسایه‌ام داکتر دکتر استاد ملا حاجی"
)
# Whatever word follows is a name ("my name is", "called").
NAME_CUES = _folded("اسمي اسمه اسمها يدعى تدعى ينادونني يسمونني واسمي اسمم اسمش بنام")
SPEECH = _folded("قال قالت يقول تقول قلت")
KUNYA = _folded("أبو ابو أم ام")
NASAB = _folded("بن ابن بنت")
PLACE_CUES = _folded(
    "قرية قريه مدينة مدينه مخيم بلدة بلده منطقة منطقه محافظة محافظه حي ريف ضاحية سجن حاجز "
    "معبر شهر روستای روستا اردوگاه ولسوالی "
    # Iraqi and Yemeni districts, Sudanese camps, neighbourhoods, farms
    "قضاء ناحية مديرية عزلة معسكر حارة مزرعة "
    # Persian and Dari: camp, neighbourhood, village, township, province
    "کمپ محله محله‌ی قریه شهرک ولایت"
)
# Cue words that are part of the place's name ("مخيم الزعتري", "حي الشعار").
NAMED_WITH_CUE = _folded(
    "قرية قريه مخيم حي بلدة بلده اردوگاه روستای معسكر حارة مزرعة کمپ محله محله‌ی قریه شهرک"
)
FROM_IN = _folded("من في إلى الى قرب نحو عبر داخل از در به نزدیک")
ORG_WORDS = _folded(
    "مدرسة مدرسه مستوصف مستشفى مشفى عيادة مخبز فرن جامع مسجد كنيسة جمعية منظمة مؤسسة مركز "
    "صيدلية جامعة معهد روضة دار مکتب کلینیک شفاخانه لیسه دانشگاه بیمارستان موسسه "
    # workshops, shops, companies, clubs, committees, shelters
    "ورشة مطعم شركة مصنع معمل نادي فندق مكتبة حضانة ملجأ لجنة رابطة هيئة ثانوية كلية "
    # Persian and Dari: company, bakery, pharmacy, association, foundation, orphanage
    "شرکت نانوایی دواخانه انجمن بنیاد سازمان پرورشگاه کودکستان"
)
# Frequent function words that are never names, even when rare in wordfreq's counts.
STOP = _folded(
    "من في إلى الى على عن مع هذا هذه ذلك تلك التي الذي كان كانت ثم قد لقد لم لن لا ما و أن إن "
    "أنا نحن هو هي هم كل بعد قبل عند حتى لكن بين يوم سنة عام شهر الله زال يزال لي لنا هنا "
    "هناك كيف متى أين ليس كنا كنت "
    "است هستیم بود بودیم و از در به که را می هنوز من ما او این آن با برای"
)


# The same, unfolded: after "بن" or "أبو", "علي" is Ali, though it folds like "على" (on).
STOP_RAW = frozenset(
    _split(
        "من في إلى الى على عن مع هذا هذه ذلك التي الذي كان كانت ثم قد لم لن لا ما و أن إن هو "
        "هي است و از در به که را"
    )
)
