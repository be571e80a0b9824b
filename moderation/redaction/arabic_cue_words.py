# ruff: noqa: RUF001  (multilingual text: Arabic letters are data)
"""The cue words of Arabic-script detection (Arabic and Persian): words before a person's,
a place's or an organisation's name, the particles of names (kunya, nasab), function words that
are never names. Stored folded (see folding.fold)."""

from __future__ import annotations

from .folding import folded_words

PROCLITICS = ("و", "ب", "ل", "ف", "ك")


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_ARABIC_TWINS = str.maketrans("یک", "يك")
_PERSIAN_TWINS = str.maketrans("يك", "یک")


def _folded(words: str, twins: bool = True) -> frozenset[str]:
    """The words folded, each also with the other keyboard's "ی"/"ي" and "ک"/"ك" ("كمپ")
    unless `twins` is false (Arabic "على", on, is not Persian "علی", Ali)."""
    folded = folded_words(words)
    if not twins:
        return folded
    return frozenset(
        f for w in folded for f in (w, w.translate(_ARABIC_TWINS), w.translate(_PERSIAN_TWINS))
    )


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
    # Levantine and Iraqi mum, dad, granny; Sudanese granny; "my friend" (صاحب: companion)
    " ماما بابا تيتا جدو حبوبتي حبوبة صاحبي صاحبتي "
    # Iraqi and Gulf "my dad"; her and his kin; women in roles
    "ابوي ابويا بنتها ابنها اخوها اختها بنته اخته اخوه المحامية المهربة "
    # Sudanese and Gulf "my son", "my daughter", hers; Persian kin "his"/"her"; the official,
    # the landlord, hajj
    "ولدي ولدها ولده بتي بتها المسؤول المسؤولة پسرش دخترش برادرش خواهرش پدرش مادرش "
    "شوهرش همسرش صاحبخانه حاج "
    # the specialist, counsellor, researcher (case notes); Persian "my wife" and "the
    # undersigned" of statements ("اینجانب سپیده کریمی"). Not bare kin words ("مادر", "همسر")
    # nor "دكتور" without its article: an adjective follows them as often as a name ("همسر
    # سابقم", my former husband; "دكتور اسنان", a dentist)
    "الأخصائية الأخصائي الاخصائية الاخصائي المرشدة المرشد الباحثة خانمم اینجانب "
    # Dari: my friend, my sisters and brothers, grandmothers, maternal uncle, granny
    "رفیقم خواهرانم برادرانم خواهرهایم برادرهایم مادرکلانم پدرکلانم بوبو بوبوجان "
    # Kurdish (Sorani): my brother, sister, mother, father, friend, son, daughter, uncles
    "براکەم برام خوشکم خوشکەکەم دایکم باوکم هاوڕێکەم هاوڕێم کوڕەکەم کچەکەم مامم خاڵم "
    # Kurdish (Sorani): his or her husband, wife, daughter, son, brother, sister, cousin; my
    # grandparents, aunt, brothers; Mrs, Mr (خاتوو, کاک)
    "مێردەکەی ژنەکەی کچەکەی کوڕەکەی براکەی خوشکەکەی ئامۆزاکەی ئامۆزاکەم باپیرم داپیرم "
    "پورم پوری براکانم خوشکەکانم خاتوو کاک منداڵەکەی منداڵەکانی باوکی دایکی مام "
    # children and siblings before a list of names ("ولادي محمد وسما"); "his friend" in
    # Levantine; clergy and the Levantine and Persian forms of address ("القس يوحنا", "مدام
    # ريتا", "حاج آقا توکلی"); the foreman of a Lebanese camp
    "ولادي اولادي بناتي خواتي اخواتي اخوتي اخواني عيالي رفيقو رفيقها صاحبو "
    "القس الخوري الكاهن المطران الراهبة مدام آقا الشاويش "
    # colleagues, fiancés, grandchildren, in-laws; the late, martyrs, detainees and the
    # abducted, children and young people named by their age; elders addressed as uncle and
    # aunt; ranks of the army and the police
    "زميلي زميلتي خطيبي خطيبتي حفيدي حفيدتي نسيبي صهري كنتي طليقي طليقتي اخويا "
    "المرحوم المرحومة الشهيد الشهيدة الفقيد الفقيدة المعتقل المعتقلة المختطف المختطفة "
    "المخطوف المخطوفة المغيب المغيبة الطفل الطفلة الشاب الشابة الحجي الحجية الآنسة الست "
    "العم الخالة العمة المهندس المهندسة الشرطي المساعد الرقيب الرائد المقدم العميد اللواء "
    # Persian and Dari: colleague, fiancé, uncles (Iranian), grandparents, grandchild,
    # nephews, in-laws; engineer, teacher, cleric, commander, the late
    "همکارم نامزدم عمویم عموی داییم دایی‌ام مادربزرگم پدربزرگم نواسه‌ام "
    "خواهرزاده‌ام برادرزاده‌ام خسرم خشویم انجنیر معلم مولوی قوماندان مرحوم "
    # Dari aunts and uncles as forms of address ("خاله رقیه", "کاکا نادر")
    "خاله عمه کاکا دایی عمو "
    # Arabic duals: his, her two sons, daughters, brothers, sisters ("ولداه يزن وجود"); not
    # "ولديه", which is also "and he has"
    "ولداه ولداها ابناه ابنيه ابناها ابنيها ابنتاه ابنتيه ابنتاها ابنتيها "
    "بنتيه بنتيها شقيقاه شقيقيه شقيقاها شقيقيها شقيقتاه شقيقتيه شقيقتاها شقيقتيها "
    # Persian and Dari: his, my sons, daughters, children; my cousins
    "پسرانش دخترانش پسرانم دخترانم فرزندانش فرزندانم پسرعمه‌ام دخترعمه‌ام پسرعمویم "
    "دخترعمویم پسرخاله‌ام دخترخاله‌ام پسردایی‌ام دختردایی‌ام پسرکاکایم دخترکاکایم "
    "پسرمامایم دخترمامایم"
)


def _possessed(stems: str, feminine: str) -> frozenset[str]:
    """Kin and role words with the pronoun suffixes of "his", "her", "their", "our", "your" and
    Levantine "his" ("شقيقها", her brother; "جارهم", their neighbour; "ابنتها", her daughter;
    "مرتك", your wife): case notes and letters name a survivor's kin so ("أفادت بأن شقيقها X",
    "سلملي على مرتك X"). `feminine` stems end in "ة", which becomes "ت" before a suffix."""
    suffixes = ("ه", "ها", "هم", "نا", "و", "ك", "كم")
    words = [s + x for s in stems.split() for x in ("ي", *suffixes)]
    words += [s[:-1] + "ت" + x for s in feminine.split() for x in ("ي", *suffixes)]
    return _folded(" ".join(words))


# MSA and dialect kin, and the irregular forms of "brother", "father", "mother"; not "جده" (his
# grandfather), which is written as Jeddah is.
KIN_POSSESSED = _possessed(
    "شقيق ابن زوج والد عم خال جار صديق زميل رفيق حفيد خطيب طليق نسيب صهر ولد راجل",
    "شقيقة ابنة زوجة والدة جدة عمة خالة جارة صديقة زميلة رفيقة حفيدة خطيبة طليقة اخت مرة",
) - _folded("جده") | _folded(
    "اخوه اخيه اخوها اخيها اخوهم اخيهم اخونا ابوه ابيه ابوها ابيها ابوهم امه امها امهم "
    # MSA accusatives: "خطفوا أخاه X" (they abducted his brother X)
    "اخاه اخاها اخاهم اباه اباها "
    "اولاده اولادها بناته بناتها اخوته اخوتها اخواته اخواتها عياله عيالها "
    # Gulf and Iraqi "my brother"
    "خوي خويا خوية"
)
# "His, her two sons" and also "and he has, and she has" ("ولديها أربعة أولاد"): a kin word
# only before a listed name ("مقتل ولديه علي وحسن").
SONS_OR_HAS = _folded("ولديه ولديها", twins=False)
# Roles of case notes before the person's name: the client, the patient, the complainant, the
# survivor, the refugee, the witness (MSA); the client, the patient, the said person, the social
# worker, the lawyer, the smuggler, the interpreter (Persian and Dari).
CASE_ROLES = _folded(
    "المراجع المراجعة الموكل الموكلة المشتكي المشتكية الشاكي الشاكية المريض المريضة الضحية "
    "الناجي الناجية اللاجئ اللاجئة المدعي المدعية الشاهد الشاهدة المستفيد المستفيدة "
    "مراجع موکل بیمار نامبرده مددکار وکیل قاچاقبر مترجم مددجو"
)
PERSON_CUES = PERSON_CUES | KIN_POSSESSED | CASE_ROLES
# Titles before a person's name: a place's name after one is the person's ("آقای رستمی", Mr
# Rostami, though a village is called so too).
TITLES = _folded(
    "السيد السيدة الدكتور الدكتورة الأستاذ الأستاذة الحاج الحاجة الشيخ آقای خانم حاجی داکتر "
    "دکتر استاد ملا القس الخوري المطران مدام آقا "
    # engineer: a title of address in Iran and Afghanistan ("مهندس صالحی")
    "مهندس"
)
# Whatever word follows is a name ("my name is", "called").
NAME_CUES = _folded(
    "اسمي اسمه اسمو اسمها يدعى تدعى ينادونني يسمونني واسمي اسمم اسمش بنام نامم ناوم "
    # "we named him / her", "they called him / her", "I named him / her"
    "سميناه سميناها سموه سموها سميته سميتها سماه سماها سمته سمتها "
    # "the so-called", "nicknamed", "known by the kunya" (MSA of case notes and reports)
    "المدعو المدعوة الملقب الملقبة يلقب تلقب المكنى المكناة يكنى تكنى ويدعى وتدعى ويلقب "
    "وتلقب ويكنى وتكنى"
)
# "They call him / her", "we call him / her" (dialects: "ينادونه الأشقر", "بنناديه حموده"):
# naming cues, before a name or "by" a number ("ينادوه برقم").
CALLING = _folded(
    "ينادونه ينادونها ينادوه ينادوها يناديه يناديها بنناديه بنناديها بينادوه بينادوها "
    "منناديه منناديها"
)
NAME_CUES = NAME_CUES | CALLING
# What follows a naming cue and describes the name, not the name itself: "اسمه الحقيقي" (his
# real name), "اسمها الكامل" (her full name), the first, the new, the false one.
NAME_DESCRIPTIONS = _folded(
    "الحقيقي الكامل الاول الأول الثاني الثلاثي الرباعي المستعار الجديد القديم الصحيح "
    "الاصلي الأصلي الرسمي العائلي الأخير الاخير المعروف"
)
SPEECH = _folded("قال قالت يقول تقول قلت")
KUNYA = _folded("أبو ابو أم ام")
NASAB = _folded("بن ابن بنت")
PLACE_CUES = _folded(
    "قرية قريه مدينة مدينه مخيم بلدة بلده منطقة منطقه محافظة محافظه حي ريف ضاحية سجن حاجز "
    "معبر شهر روستای روستا اردوگاه ولسوالی "
    # Iraqi and Yemeni districts, Sudanese camps, neighbourhoods, farms, Iraqi checkpoints
    "قضاء ناحية مديرية عزلة معسكر حارة مزرعة سيطرة "
    # Persian and Dari: camp, neighbourhood, village, township, province, prison; a square
    "کمپ محله محله‌ی قریه شهرک ولایت ناحیه زندان ساحة "
    # island (Arabic and Persian), valley (Persian and Dari: "دره پنجشیر")
    "جزيرة جزیره دره "
    # gate: the first word of old neighbourhoods ("باب الحديد", "باب توما")
    "باب "
    # the first word of Afghan and Iranian place names: bridge, fort, plain, quarter, hill,
    # crossroads ("پل سوخته", "قلعه فتح الله", "دشت برچی", "کارته سه", "چهارراهی قمبر")
    "پل قلعه دشت کارته کوته تپه چهارراهی "
    # Kurdish (Sorani): village of, camp of, city of, neighbourhood of; from (people of),
    # prison of, island of, border of
    "گوندی کەمپی شاری گەڕەکی خەڵکی زیندانی دوورگەی سنووری ڕێگای گوندەکەمان گوندەکەم "
    "گوندەکەی "
    # camps, a Persian quarter ("کوی علوی"); a gate, a border ("بوابة الكريمية", "مرز
    # اورستیادا"); born in ("من مواليد كوجو")
    "مخيمات کوی بوابة مرز مواليد "
    # Persian street and lane ("خیابان ستارخان")
    "خیابان کوچه"
)
# Directions before a place: "جنوب الخرطوم", "شمال صنعاء", Persian "غرب کابل".
DIRECTIONS = _folded("شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ضواحي اطراف")
# Cue words that are part of the place's name ("مخيم الزعتري", "حي الشعار").
NAMED_WITH_CUE = _folded(
    "قرية قريه مخيم حي بلدة بلده اردوگاه روستای معسكر حارة مزرعة کمپ محله محله‌ی قریه شهرک "
    "ناحیه گوندی کەمپی گەڕەکی زندان ساحة باب پل قلعه دشت کارته کوته تپه چهارراهی مخيمات کوی"
)
# and Persian "ساکن" (living in, of case notes: "ساکن اصفهان"; Arabic "ساكن" takes "في") and
# "متولد" (born in: "متولد سقز"; Persian "اهل", native of, is added in a Persian text only, see
# arabic_scan: in Arabic it is one's family)
FROM_IN = _folded("من في إلى الى قرب نحو عبر داخل از در به نزدیک لە لحد لحدي") | _folded(
    "ساکن متولد", twins=False
)
# "Next to" (Levantine, Iraqi, Sudanese): before a place as often as before a person.
NEXT_TO = _folded("جنب جمب", twins=False)
ORG_WORDS = _folded(
    "مدرسة مدرسه مستوصف مستشفى مشفى عيادة مخبز فرن جامع مسجد كنيسة جمعية منظمة مؤسسة مركز "
    "صيدلية جامعة معهد روضة دار مکتب کلینیک شفاخانه لیسه دانشگاه بیمارستان موسسه "
    # workshops, shops, companies, clubs, committees, shelters
    "ورشة مطعم شركة مصنع معمل نادي فندق مكتبة حضانة ملجأ لجنة رابطة هيئة ثانوية كلية "
    # armed units named by their own name: battalion, brigades, companies, regiment ("كتيبة
    # النواصي", "فوج حماية X")
    "كتيبة كتائب سرايا فوج فرقة "
    # a party ("حزب البعث"); a sewing workshop (Levantine "مشغل"); Persian "church of" (not
    # "کارگاه", workshop: "کارگاه کفاشی" is any shoemaker's)
    "حزب مشغل کلیسای "
    # public bodies: department ("دائرة الإقامة"), service ("جهاز الأمن")
    "دائرة جهاز "
    # Persian and Dari: restaurant, hotel
    "رستوران هتل "
    # Persian and Dari: company, bakery, pharmacy, association, foundation, orphanage, bank,
    # council of
    "شرکت نانوایی دواخانه انجمن بنیاد سازمان پرورشگاه کودکستان بانک شورای "
    # Persian and Dari: ministry, radio, commission, union, association ("کانون وکلا")
    "وزارت رادیو کمیسیون اتحادیه کانون جمعیت "
    # Dari university and faculty, directorate, committee, private course, institute
    "پوهنتون پوهنځی ریاست کمیته کورس آموزشگاه "
    # Iraqi secondary and primary schools; Kurdish (Sorani) hospital, school, organisation of
    "اعدادية ابتدائية نەخۆشخانەی قوتابخانەی ڕێکخراوی "
    # Kurdish (Sorani): association, centre, house, directorate, secondary school,
    # institution, university of; the Red Crescent
    "کۆمەڵەی سەنتەری ماڵی بەڕێوەبەرایەتی ئامادەیی دەزگای زانکۆی هیلالی"
)
# Words of relation that take a possessor: wife, daughter, son, sister, brother (Arabic); son,
# daughter, wife, husband, friend, spouse, neighbour (Persian).
RELATIONS = _folded("مرت زوجة بنت ابن اخت اخو پسر دختر زن شوهر دوست رفیق همسر همسایه")
# Adjectives of age between a kin word and the name: "أخوي الصغير", "ابنتي الكبرى", "دختر
# کوچکش" (her little daughter), "پسر بزرگم" (my eldest son).
KIN_ADJECTIVES = _folded(
    "الصغير الصغيرة الكبير الكبيرة الكبرى الصغرى الأكبر الأصغر الوحيد الوحيدة البكر "
    # ordinals: "بنتي الاولى X" (my first daughter X), "ابني الثاني X"
    "الأول الأولى الاولى الثاني الثانية التاني التانية الثالث الثالثة "
    "کوچک کوچکم کوچکش کوچکتر کوچکترم کوچکترش کوچیکم بزرگ بزرگم بزرگش بزرگتر بزرگترم بزرگترش"
)
# Persian "dear" after a given name ("نجیبه جان").
ENDEARMENTS = _folded("جان جانم جون")
# What goes before "الله" in one word and is not a name: God willing, what God willed, in the
# name of, glory to, praise to, party of, curse of, mercy of, with, messenger of, house of.
GOD_FORMULAE = _folded("انشاء انش ماشاء مشاء بسم سبحان الحمد حمد حزب لعنة رحمة رحمه عند رسول بيت")
# Letters of Kurdish (Sorani) that Arabic and Persian do not use: AE, E with a V, O with a V,
# L with a V, R with a V below.
KURDISH_LETTERS = "\u06d5\u06ce\u06c6\u06b5\u0695"
# Frequent function words that are never names, even when rare in wordfreq's counts.
STOP = _folded(
    "من في إلى الى على عن مع هذا هذه ذلك تلك التي الذي كان كانت ثم قد لقد لم لن لا ما و أن إن "
    "أنا نحن هو هي هم كل بعد قبل عند حتى لكن بين يوم سنة عام شهر الله زال يزال لي لنا هنا "
    "هناك كيف متى أين ليس كنا كنت "
    "است هستیم بود بودیم و از در به که را می هنوز من ما او این آن با برای هستم هست هستند "
    "بودم خدا "
    # Levantine and Sudanese "but, only", "like this", "also", "still", "now"
    "بس هيك كمان لسا لسه هلق هسه الان الآن "
    # Levantine and Iraqi "that", "much", "a little", "good"
    "انو اني كتير كثير شوي شوية منيح "
    # Spoken words that wordfreq's counts (of written, mostly standard Arabic) make rare, and
    # that villages of the gazetteer bear: came, they came, were (twice), as, person
    # (Sudanese), medicine (no hamza), with me, saw, together, again, his name, behind,
    # because, I want, he wants, where (are you), not, want (Sudanese), I can, I came, we
    # came, owner, has, I have
    "اجا اجو كانو كانوا كما زول دوا وياي شفت سوا تاني اسمو ورا لانو لأنو بدي بدو وين وينك "
    "مو داير فيني جيت جينا صاحب عنده عندي "
    # the mother (a case note's "الأم:", also "pains"), my / his head, two thousand; later,
    # pound (money), exercises, diabetes
    "الام راسي راسه رأسي رأسه الفين بعدين جنيه تمارين السكري "
    # and spoken Persian and Dari: bread, car, soldier, kiln, me, wound, brick, scaffolding,
    # brought, to take; (that he / I) go, sheet, the Gospel, cargo, mornings
    "نان موتر سرباز کوره مرا زخم خشت داربست آورد بردن برود بروم برگه انجیل باری صبحا "
    # not (Levantine, Egyptian), other than, nor, the absence of, that he, because he / she,
    # currently, now (Persian), with her, with them (spoken): after a kin word they are what
    # the sentence goes on with ("ابوي مش رقم", my father is not a number), never a name
    "مش غير ولا عدم انه بانه لانه لانها حاليا حالا معاها معاهم "
    # Sudanese "after that", and spoken "has" ("بيت عندو سقف", a house that has a roof)
    "بعداك عندو عندها عندهم عندك عندنا "
    # Kurdish (Sorani) function words: in, and, to, that, he/she, I, we, this, with
    "لە و بۆ کە ئەو من ئێمە ئەم لەگەڵ "
    # and the heads of compound prepositions after "لە" ("لە دوای شەڕ", after the war): after,
    # before, inside, beside, on, in front of, under, between, during, instead of, near, outside
    "دوای پاش پێش ناو لای سەر بەر ژێر نێوان کاتی ماوەی جیاتی باتی بری نزیک نزیکی دەرەوەی",
    twins=False,
)


# The same, unfolded: after "بن" or "أبو", "علي" is Ali, though it folds like "على" (on).
STOP_RAW = frozenset(
    _split(
        "من في إلى الى على عن مع هذا هذه ذلك التي الذي كان كانت ثم قد لم لن لا ما و أن إن هو "
        "هي است و از در به که را"
    )
)
# Verbs of meeting, calling, greeting and remembering someone (MSA and dialects), before the
# person's name: "التقيت بسهام", "تعرفت على ياسمين", "ودعت أم عمر", "ما بنسى خلود". Not "saw"
# or "found" ("شفت", "لقيت"): they take things as often as people.
MEETING = _folded(
    "قابلت قابلنا زرت زرنا ودعت ودعنا استقبلتنا استقبلتني "
    "بنسى انسى ننسى نسيت تذكرت افتقد بفتقد "
    "التقيت التقينا التقت اتصلت اتصلنا اتصل "
    "تعرفت تعرفنا ناديت نادت نادينا سلمت سلموا سلملي "
    # who helped, hid, saved or received us, and who told us (dialect, "لي" glued): the
    # name is the subject after the verb ("ساعدتني سعاد", "قالتلي ام محمد")
    "ساعدني ساعدتني ساعدنا ساعدتنا خبانا خبتنا خباني خبتني انقذني انقذتني انقذنا انقذتنا "
    "استقبلنا قالي قاللي قلي قالتلي قلتلي حكالي حكتلي حكيلي خبرني خبرتني",
    twins=False,
)
# The prepositions such a verb takes before the name, written apart ("على") or glued ("بـ").
MEETING_PREPOSITIONS = _folded("على علي ب مع", twins=False)
# Words before a family's or a tribe's name: "آل الشمري", "بيت الحسيني", Persian "خانواده".
FAMILY_WORDS = _folded("آل بيت عائلة عيلة اسرة أسرة خانواده خاندان", twins=False)
# The owner of a house, a shop, a workshop, a garden: "صاحب البيت X", "صاحب کار X".
OWNER = _folded("صاحب صاحبة", twins=False)
# Verbs of fleeing, moving, arriving, living and staying (MSA and dialects, "we" and "I"),
# before "على", "في", "الى" and a place: "جرينا على مدني", "سكنا في فيصل", "نقطع على عنتاب".
JOURNEY = _folded(
    "هربنا هربت نزحنا نزحت رحنا رحت جرينا جريت وصلنا وصلت طلعنا رجعنا رجعت انتقلنا انتقلت "
    "سافرنا سافرت قطعنا نقطع مشينا مشيت لجأنا لجأت توجهنا رحلونا رحلوني ودونا ودوني نقلونا "
    "نقلوني نقلوه ودوه سكنا سكنت ساكنين ساكنة ساكن عشنا عشت عايشين قعدنا قاعدين نزلنا "
    "استقرينا بقينا بقيت دخلنا طلعت هاجر هاجرت هاجرنا عايش عايشة جيت جينا اجيت اجينا",
    twins=False,
)
# The prepositions such a verb takes before the place: on, to, in, up to.
JOURNEY_TO = _folded("على ع الى إلى في لحد لحدي حتى لي", twins=False)
# The first word of many Levantine, Iraqi and Sudanese place names: spring, hill, mountain,
# market, valley, village ("كفر"), monastery, ridge, cape, well, bridge, inn, roundabout,
# meadow, river, tower, and the "branch" of a security service ("عين الحلوة", "تل قصب", "جبل
# مرة", "ضهر البيدر", "فرع فلسطين"). Each is an ordinary word
# too: a place only after a preposition, below the leak guard's threshold.
PLACE_HEADS = _folded(
    "عين تل جبل سوق وادي كفر دير ضهر راس رأس بئر بير جسر خان دوار مرج نهر برج فرع", twins=False
)
# Greetings and thanks that open a message: after one a name follows ("مرحبا سعاد"); one of them
# that is also a listed name ("سلام") is the greeting itself at a message's start.
GREETINGS = _folded("شكرا شكراً مرحبا سلام تحية تحياتي يرحم يحمي يسلم مرسی ممنون تشکر", twins=False)
# A definite word after a naming cue that is no nickname: the name's description, a function
# word, a kin word or a role ("ينادونه الدكتور").
NOT_NICKNAMES = NAME_DESCRIPTIONS | STOP | PERSON_CUES
