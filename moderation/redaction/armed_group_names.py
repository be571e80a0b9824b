"""Armed groups, gangs and cartels of the regions the organisation works in (the Middle East,
Afghanistan, the Horn and the Sahel, the Great Lakes, Central America, Colombia, Mexico, Haiti),
under their usual names and spellings in English, Spanish, French and Arabic script, for
known_organisations.py. Written by hand (CC0: public names, nothing personal); no package offers
such a list. Names that are also everyday words ("القاعدة", the rule; "الشباب", the youth; "los
lobos") or family names ("Wagner", "Haqqani") are left out; so are state forces, which name no
more than a country.
"""

from __future__ import annotations


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# Names of more than one word, or of one word that is no everyday word, in lower case; "-"
# stands for a space or a hyphen ("boko-haram": "Boko Haram", "boko-haram").
NAMES = _split(
    # the Middle East and Afghanistan
    "isil daesh daech islamic-state état-islamique etat-islamique estado-islámico "
    "estado-islamico al-qaeda al-qaida al-nusra nusra-front front-al-nosra jabhat-al-nusra "
    "hayat-tahrir-al-sham tahrir-al-sham jaysh-al-islam hezbollah hizbollah hizbullah "
    "hezbolá houthis houthi huthis ansar-allah shabiha hashd-al-shaabi kataib-hezbollah "
    "asaib-ahl-al-haq taliban talibans taleban talibán talibanes haqqani-network iskp isis-k "
    # the Horn of Africa, the Sahel and the Lake Chad basin
    "al-shabaab al-shabab shabaab boko-haram iswap jnim katiba-macina ansar-dine "
    "rapid-support-forces janjaweed janjawid spla-io splm-io tplf imbonerakure "
    # the Great Lakes and Central Africa
    "m23 codeco fdlr raia-mutomboki mai-mai maï-maï kamuina-nsapu séléka seleka anti-balaka "
    "ambazonia-defence-forces amba-boys "
    # the Sudanese Rapid Support Forces in French and Spanish
    "forces-de-soutien-rapide fuerzas-de-apoyo-rápido fuerzas-de-apoyo-rapido "
    # West Africa's and Sri Lanka's wars, Zimbabwe's ruling party's youth, Pakistan's
    # Tehreek-e-Labbaik
    "ulimo tamil-tigers zanu-pf tehreek-e-labbaik "
    # Central America, Colombia, Mexico, Venezuela, Ecuador
    "ms-13 ms13 mara-salvatrucha barrio-18 mara-18 los-zetas zetas cártel-de-sinaloa "
    "cartel-de-sinaloa sinaloa-cartel cjng cártel-jalisco-nueva-generación "
    "cartel-jalisco-nueva-generacion cártel-jalisco cartel-jalisco la-familia-michoacana "
    "cártel-del-golfo cartel-del-golfo gulf-cartel clan-del-golfo gulf-clan "
    "autodefensas-gaitanistas farc-ep tren-de-aragua los-choneros "
    "caballeros-templarios guerreros-unidos los-tiguerones "
    # Haiti
    "400-mawozo gran-grif"
)
# Acronyms, found in capitals, or in any case in a story written all in lower case: "Isis" is a
# given name too. Not "SDF" (French for homeless) nor, as names, "Calle 18" (a street), "los
# lobos", "los rastrojos" (stubble), "viv ansanm" (live together), "Haqqani" alone (a family
# name), "النصرة" alone (support): everyday words or names as often as the group.
ACRONYMS = _split("ISIS ELN FARC PKK YPG YPJ FSA HTS RSF SPLA TPLF LRA ADF UPC AGC PMF LURD LTTE")
# Arabic script (the proclitics و ب ل ف stay outside).
ARABIC = (
    "داعش",
    "تنظيم الدولة",
    "الدولة الإسلامية",
    "الدولة الاسلامية",
    "طالبان",
    "الحوثي",
    "الحوثيين",
    "الحوثيون",
    "أنصار الله",
    "انصار الله",
    "الدعم السريع",
    "قوات الدعم السريع",
    "الجنجويد",
    "حزب الله",
    "جبهة النصرة",
    "هيئة تحرير الشام",
    "الحشد الشعبي",
    "الشبيحة",
    "قسد",
    "بوكو حرام",
)
