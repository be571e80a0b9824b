"""Countries by their Arabic, Persian, Kurdish (Sorani) and Pashto names, from the Unicode CLDR
through Babel (as `country_names` does for Spanish and French): "إيران", "ایران", "ئێران",
"ترکیه", "السعودية"; and the provinces and regions that the gazetteer's city names lack. A
country or a province alone rarely tells who someone is: `arabic_names` suggests these below
the leak guard's threshold."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from .folding import fold

_LANGUAGES = ("ar", "fa", "ckb", "ps")
# The usual short names where CLDR's are long ("المملكة العربية السعودية").
_USUAL = (
    "السعودية الإمارات امريكا أمريكا بريطانيا انجلترا عربستان آمریکا امریکا انگلیس انگلستان "
    "الدنمارك النروج"
)


@lru_cache(maxsize=1)
def arabic_script_countries() -> frozenset[str]:
    """Folded country names of one or two words (two-letter territory codes only, not
    continents or world regions)."""
    out = {fold(name) for name in _USUAL.split()}
    for language in _LANGUAGES:
        for code, name in Locale(language).territories.items():
            words = fold(name).split()
            if len(code) == 2 and code.isalpha() and len(words) <= 2 and len(name) >= 3:
                out.add(" ".join(words))
    return frozenset(out)


# Public administrative names written by hand: Afghanistan's provinces in Dari (both spellings
# where two are usual), Iran's provinces of the east and west, Sudan's, Iraq's and Yemen's
# states and governorates that are no city's name. Left out: names that are frequent words
# ("غور", deep thought; "المهرة", the skilled; "كابل", cable, a city the gazetteer knows).
_REGIONS = (
    "بدخشان بادغیس بغلان بلخ بامیان دایکندی فراه فاریاب غزنی هلمند جوزجان کندهار قندهار "
    "کاپیسا خوست کنر کندز قندوز لغمان لوگر ننگرهار نیمروز نورستان ارزگان اروزگان پکتیا "
    "پکتیکا پنجشیر پروان سمنگان سرپل تخار وردک زابل "
    "خراسان سیستان بلوچستان لرستان کردستان خوزستان مازندران هرمزگان "
    "كردفان دارفور القضارف سنار الأنبار نينوى ديالى كركوك حضرموت شبوة أبين لحج الضالع صعدة مأرب "
    # Towns and districts the gazetteer lacks whose names are no frequent word (Syria, Iraq,
    # Yemen, Sudan, Libya, Lebanon, Palestine), and camps survivors name (Jordan, Lebanon, the
    # West Bank, Gaza, Iraqi Kurdistan, Chad, Kenya)
    "البوكمال عدرا الكاظمية الأعظمية سيئون كوستي مليط كبكابية ترهونة الكفرة تاورغاء النبطية "
    "البقاع شتورة الشجاعية المغازي المواصي الزعتري شاتيلا البداوي الدهيشة بلاطة شعفاط "
    "الجلزون دوميز شاريا خانكي عطاش فرشانا كرنوي كاكوما "
    # Afghan towns and districts, Kabul's neighbourhoods; Khartoum's and Omdurman's
    # neighbourhoods, Darfur's camps
    "پلخمری اسدآباد ترینکوت مهترلام تورخم جاغوری مالستان ناهور شکردره بگرام خیرخانه "
    "مکروریان دهمزنگ تایمنی چهلستون بهسود یکاولنگ دایمیرداد گیزاب اشترلی شینوار چپرهار رخه "
    "اشکاشم وردوج سالنگ موسهی "
    "الكلاكلة جبرة امبدة الديم اركويت شمبات الجريف الكدرو الدروشاب الحلفايا الفتيحاب "
    "اللاماب سوبا ابوشوك كريندنق مورني "
    # Damascus's, Homs's and Aleppo's suburbs and quarters, Idlib's border towns and camps,
    # Hasakah's, Mosul's, Anbar's and Diyala's towns and districts
    "برزة القابون جوبر زملكا كفربطنا المعضمية يلدا كفرسوسة الوعر الانشاءات الحولة الكلاسة "
    "الأشرفية هنانو القلمون الجولان سرمدا أطمة قاح كللي الشدادي الزنجيلي جلولاء اليوسفية "
    "اللطيفية الصقلاوية النعيمية بزيبز الرزازة النخيب الحبانية عانة بروانة "
    # Taiz's, Sanaa's, Hodeidah's and Aden's quarters and districts; Gaza's and Beirut's;
    # the Bekaa's villages; Tripoli's (Libya) quarters and the Nafusa mountains
    "الحوبان الجحملية الحصبة سعوان الحوك التحيتا المعلا عبسان الشابورة الفالوجا الصبرة "
    "الشياح سعدنايل تعلبايا تاجوراء قرقارش شحات"
)
# Place names of two words that survivors use and the gazetteer lacks: Afghan towns, Kabul's
# and Quetta's neighbourhoods, Omdurman's, Damascus's, Aleppo's, Anbar's, Aden's, Gaza's,
# Beirut's and Tripoli's quarters, Lebanon's camps (not those that are also a person's: "الحاج
# يوسف", "ابو سعد", "السيدة زينب").
_TWO_WORDS = (
    "جلال آباد",
    "فیض آباد",
    "قلعه نو",
    "اسلام قلعه",  # the crossing from Herat into Iran
    "پل علم",
    "میدان شهر",
    "سپین بولدک",
    "قره باغ",
    "سرای شمالی",
    "شاه شهید",
    "ده افغانان",
    "ارزان قیمت",
    "هزاره تاون",
    "مری آباد",
    "بيت سحم",
    "ركن الدين",
    "كرم الزيتون",
    "بستان القصر",
    "بابا عمرو",
    "حمام العليل",
    "جرف الصخر",
    "عامرية الفلوجة",
    "دار سعد",
    "تل الهوى",
    "تل السلطان",
    "حارة حريك",
    "برج البراجنة",
    "عين الحلوة",
    "نهر البارد",
    "برج الشمالي",
    "وادي خالد",
    "بر الياس",
    "سوق الجمعة",
    "عين زارة",
    "غوط الشعال",
    "ام بدة",
)
# Towns whose names are also words ("دوما", always; "قم", stand up; "الطبقة", the class;
# "طويلة", long): places only after a preposition ("من دوما", "بالطبقة", "في قم").
_WORD_TOWNS = (
    "درعا دوما القصير السلمية تدمر الطبقة الضمير حديثة القائم ربك طويلة رفح الخليل صبرا "
    "عايدة الهول روج زمزم اليرموك قم الصحافة الثورة الشجرة العمارات الشعار السكري التضامن "
    "الضباب المسبح الصافية نقم الضاحية القاع الهضبة الجوف الزاوية"
)


@lru_cache(maxsize=1)
def arabic_script_places() -> frozenset[str]:
    """The countries and the regions, folded."""
    names = [*_REGIONS.split(), *_TWO_WORDS]
    return arabic_script_countries() | {" ".join(fold(name).split()) for name in names}


@lru_cache(maxsize=1)
def word_towns() -> frozenset[str]:
    """The towns whose names are also words (see _WORD_TOWNS), folded."""
    return frozenset(fold(name) for name in _WORD_TOWNS.split())
