"""Very common given names in Arabic script that Faker's lists lack, written by hand for this
project (CC0) from general knowledge of naming in the regions the service hears from; no
record of any person. Faker's Persian list holds Iranian baby names of recent years and its
Arabic lists few women's names, so groups are added: Afghan given names (Dari and Pashto
spellings, Hazara, Tajik and Pashtun use), common Arabic women's and men's names of the
Levant, Iraq, the Gulf, Yemen and Sudan, Christian names of the Levant and Iraq, Sudanese,
Yemeni and Libyan names, Eritrean ones as Arabic speakers write them, Kurdish names in
Arabic letters, and Iranian names of every generation. They join the
lexicon of arabic_name_lexicon, where
`name_strength` still tells a name that is also an ordinary word ("شبنم", dew) from one that no
frequent word shares, so a word here is not suggested at the leak guard's threshold on its own
merit alone. Left out: names that are also a frequent word the lexicon's tests do not catch
("ولی", but; "واحد", one; "ناجي", survivor; "عائشة", folded like "عايشة", living; "حنا", we;
"سالمين", safe; "ولدو", his son)."""

from __future__ import annotations

# Afghan men's names (Dari and Pashto spellings; the first part of "X الله" names too).
AFGHAN_MEN = """
میرویس زلمی ایمل اجمل اکمل اسد اسدالله شفیق رفیع نجیب حبیب رحیم کریم شریف بشیر نذیر قدیر
صدیق عزیز ظاهر طاهر یونس ادریس اسماعیل الیاس داوود سلیمان یعقوب ایوب قاسم هاشم ناصر
منصور مسعود سعید شکیب نقیب ضیا نصیر بصیر منیر خلیل جلیل جمیل اکبر اصغر انور اشرف
عصمت حشمت رحمت عنایت هدایت رمضان صادق باقر جعفر کاظم مرتضی مجتبی سجاد
سخی فرید فرهاد نوید وحید جاوید سهراب رستم حامد محمود شاه‌محمد دوست‌محمد گلبدین
عبدالله ذبیح سمیع کلیم امان عبید رازق شمس قیس بهادر پاینده تمیم تواب
فواد همایون کامران میلاد بریالی وحیدالله نورالله ثناالله خدایداد رحمان
سرور منیب مصطفی مرتضا یاسین ذاکر حیدر اسحاق آصف لعل شیرآقا
"""
# Afghan women's names.
AFGHAN_WOMEN = """
ملالی گلالی شبنم پروین نیلوفر فرشته مژگان ستاره سکینه رقیه زینب معصومه فاطمه زهرا نرگس
حمیده وحیده فریده سعیده شکیلا شکریه نازیه نجیبه لطیفه شریفه عزیزه حلیمه کریمه جمیله نسرین
صدیقه زرغونه پلوشه گلناز گلچهره نازدانه ثریا عاطفه سیما لیلا لیلی مینا هیلا خدیجه
آمنه طاهره ذکیه راضیه رحیمه صالحه فوزیه ناهید ظریفه زهره زرمینه ملیحه منیژه مهناز آرزو
فرخنده فرزانه فهیمه حسنیه روح‌افزا بی‌بی‌گل شیرین‌گل گلثوم کلثوم حوا تمنا مریم مرضیه
شهلا شیلا ویدا یلدا زلیخا قمر پریسا مهری نفیسه رابعه مستوره سمیرا ثمینه نادیه نوریه
"""
# Arabic women's names (Levant, Iraq, the Gulf, Yemen, Sudan, Eritrean Arabic speakers).
ARABIC_WOMEN = """
دينا
عبير سوسن حواء آمنة منى سهام رنا هالة شيماء رغد سعدية حليمة رحاب كلتوم بخيتة عوضية
نفيسة انتصار نجوى هيفاء هناء سناء وفاء صفاء رشا لمى لمياء ميساء رهف غدير نوال آمال ابتسام
اعتماد احلام حنان ايمان سمر سماح سلوى سعاد فاتن نادية ناديا ماجدة نهى نهلة هدى ولاء اسراء
آلاء تغريد جميلة حسناء خلود روان زهراء سارة سهى شذى عفاف غادة فدوى ليلى مها
ميس هبة هند بثينة رقية صفية عزيزة فطومة لبنى مروة منال نعمات سلمى اسماء ثريا بتول حوراء
زينة ريم رزان تسنيم ديما عبلة علياء عواطف منيرة نجلاء هيام التومة مستورة انعام انصاف اقبال
فتحية زكية سامية هويدا اميرة تهاني اخلاص سعيدة فوزية خيرية نعيمة حميدة رشيدة زبيدة سكينة
معصومة زهرة فاطمة مريم خديجة زينب أروى أسماء بلقيس ابتهال نسرين شهد غفران دلال
"""
# Arabic men's names common in Iraq, Yemen and Sudan, and across the Arab world, that Faker's
# lists lack ("باسم" left out: also "in the name of").
ARABIC_MEN = """
بلال أنس انس داود باسل بسام أمجد امجد
مجتبى مرتضى حيدر كرار مؤمل علاوي حمودي عبودي ابكر بابكر آدم ادم هارون
عوض عثمان ادريس صالح موسى عيسى يحيى زكريا مصطفى مهند قصي عدي ليث وسام
عمار ياسر نبيل فهد بندر مشعل فؤاد منذر نزار وضاح جمال كمال عادل عاطف عصام هشام
"""
# Christian given names of the Levant, Iraq and Egypt (Syriac, Greek and Armenian use).
CHRISTIAN = """
يوحنا بولص بطرس جرجس الياس ايليا جورج ميخائيل متى مرقس لوقا توما شربل انطوان ميشيل
نقولا سركيس كريكور فادي رامي شادي روني طوني ايلي بيار جوزيف
ريتا ماري تيريز جورجيت كاترين رولا هيلين نيفين رنده جانيت لينا كلودين مارينا
"""
# Sudanese, Yemeni and Libyan names Faker lacks, and Eritrean and Ethiopian names as Arabic
# speakers write them (Tigrinya and Amharic use).
SUDAN_YEMEN = """
اشراقة سلافة رفقة تماضر مواهب امونة حنونة
مصعب مجاهد معتز منتصر عبده بكيل نشوان فهمي شوقي عبدالواحد مبارك امبارك
تسفاي يوهانس ابرهام كبروم هايلي سلمون مرهاوي فيفن ساره هيوت اسياس
عزام اسحق إسحاق
"""
# Arabic women's names that the groups above lack ("وجدان", conscience, and "ختام", end, left
# out: frequent words at a sentence's start).
ARABIC_WOMEN_MORE = """
نجاح وداد انشراح
"""
# Kurdish given names as Kurds of Syria and Iraq write them in Arabic letters (Kurmanji and
# Sorani use). Left out: "آلان" (Alan), folded like "الان" (now), and "آزاد" (Azad; in
# Persian "free", as in "آزاد شدم", I was freed).
KURDISH = """
شيار روناهي ريزان بيريفان هفال دلشاد نيروز آفين روجين هيفي جيان بيشوا زانا ديلان
سوزدار روجدا هيرو شفان سيبان دلدار
"""

# Iranian given names of every generation (Faker's Persian list holds baby names of recent
# years): names of the Shahnameh and of old Iran, and common men's and women's names. Left out:
# names that are also words the lexicon's tests take for names ("شیرین", sweet; "شادی", joy;
# "نسیم", breeze; "فرانک", franc; "هستی", you are): they would be suggested at the leak
# guard's threshold.
IRANIAN = """
آرش آرمان آرین احسان اردشیر اسفندیار امید امیر امین ایرج بابک بردیا بهرام بهروز بهزاد بهمن
بیژن پارسا پدرام پرویز پژمان پوریا پویا تورج جمشید حمید داریوش رامین روزبه سامان سپهر سروش
سهیل سیاوش شاهین شروین شهاب شهرام شهریار فرامرز فرزاد فرشاد فریدون کامبیز کامیار کاوه کوروش
کیان کیوان مازیار مانی مهدی مهران مهرداد نادر نیما هومن یاشار هوشنگ منوچهر
آتنا آزاده آناهیتا آوا آیدا ارغوان الهام الناز بنفشه بهاره پرستو پرنیان پریوش پگاه ترانه
ثمین ژاله ژیلا سارا سمانه سودابه سیمین شیدا شیما شیوا فرح فرناز فریبا گلاره گلنار لادن لاله
مهتاب مهسا مهشید مژده مرجان نازنین نسترن نگار نگین هانیه یاسمن یگانه
"""

# Names given to children and young people in the Levant and Iraq since the 1990s that the
# lists lack. Left out: "لين" (also Iraqi "until"), "ورد" (also "was mentioned"), "بنين" (boys:
# "مدرسة بنين"), "تبارك" (blessed be).
MODERN_ARABIC = """
غيث سحر وعد منتظر يمان رنيم بسمة تيم يزن سدرة جوري تالين غنى نايا لجين لمار رؤى ماسة ألمى
أيهم يامن مهيار أوس براء معاذ عبادة غدي سدير رسل فرقان نبأ
"""


def common_given_names() -> list[str]:
    """Every name of the groups, as written."""
    groups = [AFGHAN_MEN, AFGHAN_WOMEN, ARABIC_WOMEN, ARABIC_MEN, CHRISTIAN, SUDAN_YEMEN]
    groups += [IRANIAN, MODERN_ARABIC, ARABIC_WOMEN_MORE, KURDISH]
    return "".join(groups).split()
