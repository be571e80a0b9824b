"""Everyday words of Kurmanji (Latin script) and Sorani (Arabic script), for the ordinary-word
test (``ordinary_words.word_class``): wordfreq, which decides "ordinary" for English, Spanish,
French, Arabic and Persian, has no list for either, so without these any Kurdish word after a
cue ("li", "ji", "لە", "hevalê min") looked like a name or a place to the engine, and "لە دوای
شەڕ" (after the war) blocked a story at 0.9.

Written by hand for this project (CC0), by kind of word, in the forms stories use them (with the
ezafe and plural endings where those are how the word is mostly written). Words that are also
common given names are left out on purpose, so that after a cue they keep a name's confidence:
Hêvî/هیوا (hope), Azad/ئازاد, Aştî/ئاشتی (peace), Jiyan/ژیان (life), Roj/ڕۆژ (day, sun), Çiya/چیا
(mountain), Baran/باران (rain), Xebat/خەبات (struggle), Şoreş/شۆڕش, Welat (homeland), Evîn/ئەوین
(love), Aram/ئارام (calm), Hêmin/هێمن, Rêbwar/ڕێبوار (traveller), Karwan/کاروان (caravan),
Awat/ئاوات (wish), Newroz/نەورۆز, Berfîn, Dilan, Rojda, Zozan, Ronahî, Delal, Şîrîn/شیرین,
Şadî/شادی. ``bench.kurdish_words`` is a separate list, written apart, that the ordinary-word
sweep checks this one against.
"""

from __future__ import annotations

from functools import lru_cache

from .folding import fold

_KURMANJI = """
ez tu ew em hûn ewan ewên min te wî wê me we wan xwe xwediyê ev evana evê vê vî van ew
ku û an yan jî ne na nebû ya yê yên yî bi ji li di de ber bin ser nav navbera pişt
pêş nêzîkî nêzîk dûrî dûr hundurê derveyî gel cem alî aliyê ligel bêyî heta hetanî
gelek pir pirr zêde hinek hin hemû hemî her herdu tevî tevahî çend çendîn qet tu kesî
tiştek tiştekî tişt tiştên hindik piçek piçekî
çi çiqas kî kengî çima çawa kîjan li ku kuderê
belê erê nexêr baş e hêj hîn hê jixwe lê lêbelê lewra ji ber ku çimkî eger ger heke
madem dema gava wexta piştî berî niha nuha îro duh doh sibê sibeyê îşev paşê paşî
berê pêşî carekê carna caran carcaran tim timî her dem tenê bi tenê hingê wê demê
wisa wiha weha wusa bi vî awayî vir vêderê wir wêderê derve hundir jor jêr
mal malê malbat malbata malbatê bav bavê bavo bavim dayik dayika dê diya dapîr bapîr
bira birayê birayên xwişk xwişka xwîşk xwîşka zarok zarokê zarokên zarokan keç keça
kur kurê jin jina mêr mêrê mirov mirovan mirovên kes kesek kesên heval hevalê hevala
hevalên cîran cîranê cîranên xizm xizmên mam mamê xal xalê met xaltî pismam dotmam
gund gundê gundan bajar bajêr bajarê tax kolan dinya dinyayê erd erdê ax av avê nan xwarin
xwarinê
şer şerê mirin mirî birîn birîndar dil dilê çav çavê çavên dest destê destên ling lingê
serê dev guh por laş xwîn
roj rojê rojan şev şevê sal salê salan meh mehê hefte hefteyê dem demê wext wextê
sibeh êvar nîvro zivistan havîn bihar payîz
kar karê karekî xebata dibistan dibistanê zanîngeh mamoste mamosteyê xwendekar
nexweşxane nexweşxaneyê doktor bijîşk derman pere perê rê rêya rêyê derî deriyê ode
odeyê xanî xaniyê çadir çadirê kamp kampê sînor sînorê polîs leşker esker zindan
zindanê girtîgeh ziman zimanê kurdî tirkî erebî farisî almanî îngilîzî tirs êş keder
bîr bîranîn çîrok stran xew xewn deng dengê bêdeng bêdengî peyv gotin name nameyek
nameyê telefon otobus trên
gemî behr deryaya deryayê qeyik erebe motor balafir
bû bûn bûye bûne bibe dibe dibû heye hene hebû hebûn tune tuneye tunebû nîne kir
kirin kiriye dike dikin dikir dikirin dikim bike bikin got gotin gotiye dibêje dibêjin
digot digotin bêje hat hatin hatiye tê tên dihat dihatin were werin çû çûn çûye diçe
diçin diçû biçe dît dîtin dibîne dibînin bibîne dixwest dixwaze dixwazin xwest
zanî dizane dizanin nizanim nizane dikare dikarin nikare nikarim ma man dimîne
dimînin mir mirin kuştin kuşt kuştine girt girtin girtine reviyan revî direvin bir
birin dibe anî anîn dan da dide stend xwar dixwe vexwar razam radizê rabû rûnişt
axivî dipeyive peyivî fêr bûm xwend dixwîne nivîsand dinivîse ket ketin dikeve
vegeriyan vegeriya vedigere hişyar bûm hiş
baş xerab xirab mezin biçûk piçûk nû kevn dirêj kurt germ sar xweş nexweş xemgîn
kêfxweş westiyayî birçî tî zêde kêm zû dereng rast çep sor kesk zer spî reş şîn
tenha bêhêz ewle bêewle dijwar hêsan zehmet giran sivik feqîr dewlemend
kurd kurdan tirk tirkan ereb ereban faris ecem ermenî aşûrî asuri êzidî ezidi êzdî misilman
file cihû daiş daîş daeş ptsd xwedê xweda xwedayê
xwedîdoz xwedîdoza wergêr wergêra danişîn danişîna hevdîtin hevdîtina rapor rapora nota
not hejmar hejmara telefona kontrol kontrola nîşan nîşanên dermankirin tedawî tenduristî
yek du sê çar pênc şeş heft heşt neh deh apê hevjîn hevjînê hevjîna şevan rojan mehane
"""

_SORANI = """
من تۆ ئەو ئێمە ئێوە ئەوان خۆم خۆت خۆی خۆمان خۆیان ئەم ئەمە ئەوە ئەمانە ئەوانە کە و یان
لە بە بۆ لەگەڵ لەسەر لەژێر لەناو لەبەر بەبێ بەرەو تا هەتا ئەگەر گەر کاتێک کاتی
دوای پاش پێش بەر سەر ناو ژێر نێوان لای لاى
هەموو هەمووی هەندێ هەندێک زۆر زۆرێک کەم کەمێک هیچ هیچ کەس شت شتێک شتێکی چەند
چی چ کێ کەی بۆچی چۆن کوێ لەکوێ چەندە
بەڵێ نەخێر نا تەنها تەنیا هێشتا ئیتر ئێستا ئەمڕۆ دوێنێ بەیانی سبەی ئەمشەو پاشان
دواتر پێشتر جارێک جار جاران هەمیشە هەرگیز بەڵام چونکە لەبەرئەوەی بۆیە ئینجا
ئەوسا ئەوکات لێرە ئێرە لەوێ ئەوێ دەرەوە ناوەوە سەرەوە خوارەوە
ماڵ ماڵەوە ماڵەکەمان ماڵەکەم خێزان خێزانەکەم باوک باوکم باوکی دایک دایکم دایکی
برا براکەم برای براکانم خوشک خوشکەکەم خوشکی منداڵ منداڵەکان منداڵەکانم منداڵی کچ
کچەکەم کچی کوڕ کوڕەکەم کوڕی ژن ژنەکەم ژنی پیاو پیاوەکە پیاوێک خەڵک خەڵکی هاوڕێ
هاوڕێکەم هاوڕێیەکم دراوسێ دراوسێکان مام خاڵ پور میمک نەنک باپیر داپیر
گوند گوندەکە گوندەکەمان شار شارەکە شارەکەمان وڵات وڵاتەکەم دنیا زەوی خاک ئاو نان
خواردن شەڕ شەڕی مردن مردوو برین بریندار دڵ دڵم چاو چاوم دەست دەستم سەر سەرم قاچ
گوێ دەم قژ لەش خوێن
ڕۆژێک ڕۆژی ڕۆژان شەو شەوێک ساڵ ساڵی ساڵێک مانگ مانگی هەفتە هەفتەی کات کاتێکی
بەیانیان ئێوارە نیوەڕۆ زستان هاوین بەهار پاییز
کار کاری ئیش قوتابخانە قوتابخانەی زانکۆ مامۆستا مامۆستاکەم قوتابی نەخۆشخانە
دکتۆر پزیشک دەرمان پارە ڕێگا ڕێگای دەرگا ژوور ژوورەکە خانوو چادر چادرەکە کەمپ
سنوور پۆلیس سەرباز سوپا زیندان گرتووخانە زمان کوردی عەرەبی فارسی تورکی ئینگلیزی
ترس ئازار خەم یاد بیرەوەری چیرۆک گۆرانی دوعا خەو دەنگ قسە وشە نامە تەلەفۆن
پاس ئۆتۆمبێل دەریا بەلەم فڕۆکە
بوو بوون بووە بووین بووم دەبێت دەبوو هەیە هەن هەبوو هەبوون نییە نەبوو کرد کردن
کردبوو دەکات دەکەن دەکرد دەکەین بکە وتی وت گوتی گوت دەڵێت دەڵێن دەیگوت هات هاتن
هاتین هاتم دێت دێن دەهات ڕۆیشت ڕۆیشتین ڕۆیشتن چوو چوون چووین دەچێت دەچین
بینی بینیم دەبینێت ویستی ویستم دەمەوێت دەیەوێت زانی زانیم دەزانێت دەزانم نازانم
توانی توانیم دەتوانێت ناتوانم ما مان مایەوە ماینەوە مرد مردن کوشت کوشتیان کوژرا
گرت گرتیان گیرا ڕایکرد ڕامانکرد برد بردیان هێنا هێنایان دا دایە خوارد خواردمان
خەوت خەوتین دانیشت دانیشتین قسەی قسەمان خوێند دەخوێنم نووسی دەنووسم گەڕاینەوە
گەڕایەوە گەیشتین گەیشت
باش خراپ گەورە بچووک نوێ کۆن درێژ کورت گەرم سارد خۆش ناخۆش خەمگین ماندوو برسی
تینوو نەخۆش زیاتر زوو درەنگ ڕاست چەپ سوور سەوز زەرد سپی ڕەش شین بێهێز قورس
سووک هەژار دەوڵەمەند سەخت ئاسان
"""


@lru_cache(maxsize=1)
def kurdish_words() -> frozenset[str]:
    """Both lists, each word folded (``folding.fold``) and lower-cased, as the test reads them."""
    return frozenset(fold(word.lower()) for word in (_KURMANJI + _SORANI).split())


def is_kurdish_word(word: str) -> bool:
    """Whether ``word`` (any case, either script) is an everyday Kurmanji or Sorani word."""
    return fold(word.lower()) in kurdish_words()
