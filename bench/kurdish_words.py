"""Frequent words of Kurmanji (Latin script) and Sorani (Arabic script), written by hand for this
project (CC0): wordfreq has no list for either, so `bench.ordinary_words` sweeps these instead.

Everyday words of the kind survivors write (pronouns, particles, family, home, the journey,
the body, time, feelings, common verbs in the forms a story uses), not a frequency list. Words
that are also common given names (Hêvî, Azad, Roj, Jiyan, Çiya, Welat, Xebat, Dua, Hîwa,
Şîrîn...) are left out: after a cue they are rightly suggested as names. The engine does not
read this module: its own list (``moderation/redaction/kurdish_words.py``) was written apart.
"""

from __future__ import annotations

KURMANJI = """
ez tu ew em hûn ewan min te wî wê me we wan xwe ev vê vî van ku û jî ne na ya yê yên
bi ji li di de ber bin ser nav pişt nêzîk dûr gelek pir hinek hemû her çi kî kengî çima
çawa çend belê erê heta hêj hîn jixwe lê lewra eger heke dema gava piştî berî niha îro
duh sibê îşev paşê berê carekê caran tim qet tenê hingê wisa weha vir wir derve hundir
mal malbat malê bav bavê dayik dayika bira birayê xwişk xwişka zarok zarokên keç kur
jin mêr mirov kes heval hevalê cîran gund gundê bajar bajêr dinya erd av
nan xwarin şer mirin dil çav dest ling roj şev sal meh hefte dem wext kar
dibistan mamoste xwendekar nexweşxane doktor derman pere rê rêya derî ode xanî
çadir kamp sînor polîs leşker zindan ziman kurdî tirkî erebî tirs êş keder bîr bîranîn
çîrok stran xewn xew bêdeng deng peyv nameyek name telefon otobus trên gemî behr
bû bûn bûye heye hene hebû tune tuneye kir kirin dike dikin dikir dikim got gotin
dibêje digot hat hatin tê tên dihat çû çûn diçe diçin dît dibîne dixwest dixwaze
xwest zanî dizane nizanim dikare nikare ma man dimîne mir kuştin kuşt girt girtin
reviyan revî bir birin anî dan stend xwar vexwar razam rabû rûnişt axivî dipeyive
xwend nivîsand ket ketin vegeriyan vegeriya hişyar
baş xerab mezin biçûk nû kevn dirêj kurt germ sar xweş xemgîn kêfxweş westiyayî birçî
tî nexweş zêde kêm zû dereng rast çep sor kesk zer spî reş şîn tenha bêhêz ewle
"""

SORANI = """
من تۆ ئەو ئێمە ئێوە ئەوان خۆم خۆی ئەم ئەمە ئەوە کە و لە بە بۆ لەگەڵ لەسەر لەژێر
لەناو بەبێ تا هەتا ئەگەر کاتێک دوای پێش ئێستا ئەمڕۆ دوێنێ بەیانی ئەمشەو پاشان جار
هەموو هەندێ زۆر کەم هیچ چی کێ کەی بۆچی چۆن چەند بەڵێ نەخێر تەنها هێشتا ئیتر لێرە
لەوێ دەرەوە ناوەوە
ماڵ ماڵەوە خێزان باوک باوکم دایک دایکم برا براکەم خوشک خوشکەکەم منداڵ منداڵەکان کچ
کوڕ ژن پیاو خەڵک هاوڕێ دراوسێ گوند شار وڵات دنیا ئاو نان خواردن چیا شەڕ
مردن دڵ چاو دەست سەر قاچ شەو ساڵ مانگ هەفتە کات کار قوتابخانە مامۆستا
قوتابی نەخۆشخانە دکتۆر دەرمان پارە ڕێگا دەرگا ژوور خانوو چادر کەمپ سنوور پۆلیس
سەرباز زیندان زمان کوردی عەرەبی ترس ئازار بیر یاد چیرۆک گۆرانی دوعا خەو دەنگ
قسە نامە تەلەفۆن پاس ئۆتۆمبێل دەریا
بوو بوون هەیە هەبوو نییە کرد کردن دەکات دەکەن دەکرد وتی گوتی دەڵێت هات هاتن دێت
ڕۆیشت چوو دەچێت بینی دەبینێت ویستی دەمەوێت زانی دەزانێت نازانم توانی دەتوانێت ما
مایەوە مرد کوشت کوژرا گرت گیرا ڕایکرد برد هێنا دا خوارد خەوت دانیشت خوێند نووسی
گەڕاینەوە گەیشتین
باش خراپ گەورە بچووک نوێ کۆن درێژ کورت گەرم سارد خۆش خەمگین ماندوو برسی تینوو
نەخۆش زیاتر زوو درەنگ ڕاست چەپ سوور سەوز زەرد سپی ڕەش شین تەنیا بێهێز
"""


def words(language: str) -> list[str]:
    """The hand list of ``language`` ("kmr" or "ckb"), in the order written, each word once."""
    text = {"kmr": KURMANJI, "ckb": SORANI}[language]
    return list(dict.fromkeys(text.split()))
