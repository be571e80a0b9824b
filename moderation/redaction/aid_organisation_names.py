"""The aid organisations survivors meet on the road and where they arrive, by the names they
write (English, Spanish, French), for known_organisations.py: the Red Cross and Red Crescent,
Caritas, the big international charities and the refugee charities of France, Spain, Britain
and the Americas. Written by hand (CC0: public names). Arabic script has its own list
(arabic_known_organisations.py). Left out: the United Nations' agencies (UNHCR, ACNUR, HCR,
IOM, OIM, UNICEF), which the labelled sets leave unlabelled, and names that are phrases of
everyday speech ("safe passage", "choose love", "utopia" alone).
"""

from __future__ import annotations


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# In lower case; "-" stands for a space or a hyphen ("croix-rouge": "Croix Rouge", "croix-rouge").
NAMES = _split(
    # the Red Cross and Red Crescent, by country where survivors name it so
    "red-cross british-red-cross american-red-cross irish-red-cross croix-rouge "
    "croix-rouge-française croix-rouge-francaise croix-rouge-de-belgique cruz-roja "
    "cruz-roja-mexicana cruz-roja-española cruz-roja-espanola cruz-roja-colombiana "
    "cruz-roja-hondureña cruz-roja-hondurena red-crescent croissant-rouge media-luna-roja "
    # the big international charities
    "caritas cáritas secours-catholique secours-islamique islamic-relief "
    "médecins-sans-frontières medecins-sans-frontieres médicos-sin-fronteras "
    "medicos-sin-fronteras doctors-without-borders médecins-du-monde medecins-du-monde "
    "médicos-del-mundo medicos-del-mundo doctors-of-the-world international-rescue-committee "
    "norwegian-refugee-council consejo-noruego conseil-norvégien conseil-norvegien "
    "save-the-children oxfam jesuit-refugee-service servicio-jesuita-a-refugiados "
    "service-jésuite-des-réfugiés asylum-access "
    # refugee charities of Britain, France, Belgium, Spain and the Americas
    "refugee-council freedom-from-torture migrant-help care4calais helen-bamber-foundation "
    "refugee-action utopia-56 cimade la-cimade france-terre-d'asile forum-réfugiés "
    "forum-refugies comede emmaüs samusocial accem cear hias kids-in-need-of-defense "
    "al-otro-lado casa-alianza salvation-army ejército-de-salvación armée-du-salut gisti "
    "primo-levi parcours-d'exil"
)
# In capitals, or in any case in a story written all in lower case.
ACRONYMS = _split("MSF IRC NRC ICRC CICR JRS SJR CEAR HIAS")
