"""Given names common among the communities the organisation works with, in their usual Latin
spellings, that Faker's locales lack (name_lexicon reads Faker's lists; it has no Sahel, Horn of
Africa, South Sudanese, Great Lakes or Afghan locale, and few Arabic names in Latin letters).

Written by hand for this project (CC0) from general knowledge of naming in each region; no list
derived from anyone's personal data. Like the rest of the lexicon they are evidence only: a name
here that is also an ordinary word of English, Spanish or French is never suggested on that
ground alone (name_lexicon).
"""

from __future__ import annotations


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


GIVEN_NAMES = frozenset(
    _split(
        # the Sahel and West Africa: Fula, Mandinka, Soninke, Wolof, Songhai, Hausa, Kanuri
        "mamadou ibrahima bakary amadou oumar abdoulaye seydou ousmane boubacar thierno "
        "souleymane alassane alhassane modibo moussa mamadi lansana sekou sékou youssouf "
        "hamidou hamadoun adama issa issiaka bocar demba samba cheikh cheick babacar "
        "mouhamed mouhamadou aliou saliou sidiki lamine malick mory sory djibril kalidou "
        "fatoumata aminata mariama kadiatou aissatou aïssatou djeneba djénéba hawa oumou "
        "ramatoulaye rokia rokiatou assetou salimata bintou kadidia fanta nafissatou "
        "ndeye ndèye awa coumba khady astou dieynaba adiaratou maimouna maïmouna zeinab "
        "falmata hadiza zainab aisha habiba hauwa bilkisu amina "
        "fatou modou binta sokhna aicha rasmata ramatou boureima soumaila harouna "
        "idrissa assita safiatou "
        # Côte d'Ivoire, Togo, Benin (Akan and Ewe day names, Baoulé)
        "koffi kouassi kouame kouamé kouadio konan yao adjoua affoue affoué akissi amenan "
        # Nigeria and Ghana (Igbo, Yoruba, Akan) beyond Faker's lists
        "chidi chidinma chinedu chioma chukwuemeka obinna ifeoma nkechi adaeze uchenna "
        "tunde babatunde oluwaseun olumide yetunde funmilayo kofi kwame kwabena akosua "
        # the Horn of Africa: Tigrinya, Amharic, Oromo, Somali
        "tesfay tesfaye yonas yohannes semhar meron tigist dawit kidane tekle haile mehari "
        "selam saba rahel abrehet filmon robel mussie tsega tsegay berhane berhe mebrahtu "
        "kibrom luwam mehret senait hagos gebre gebremedhin welday aster almaz genet mulu abeba "
        "abebe alemu girma kebede tadesse bekele chaltu lensa gemechu "
        "abdi abdirahman abdullahi hodan warsame faduma fadumo ayaan sahra hamdi ilhan nimco "
        "hibo idil ubah khadra mahad guled liban bashir jama yusuf osman"
        # Sudan and South Sudan: Dinka, Nuer, and the Arabic names of Darfur and Kordofan
        " deng garang achol majok nyandeng ajak mabior lual akol awut nyakuoth gatluak "
        "gatkuoth nyachol chol kuol atem akuol ayen mawien bol dut adut nyibol "
        "yousif yousef elnour adam abakar haroun zakaria ishag mahasin nafisa "
        # the Great Lakes: Kinyarwanda, Kirundi, Swahili and the Congo
        "uwase uwimana mukamana niyonzima habimana iradukunda ishimwe nshimiyimana "
        "ndayishimiye irakoze kwizera mugisha ineza keza umutoni mukeshimana "
        "kalala kabongo ilunga mbuyi mukendi tshibangu ngalula mbombo kapinga kabila "
        "mapendo furaha baraka neema zawadi amani imani rehema bahati "
        # Congolese word-names; not the ones that are everyday words ("Gloire", "Trésor",
        # "Divine", "Ange", "Espérance", "Bienvenu", "Fiston", "Bijou": the lexicon's names are
        # no ordinary words to the leak guard)
        "merveille providence dieudonné dieudonne plamedi exaucé exauce glodie clarisse "
        # Afghanistan and Iran (Dari, Pashto, Persian)
        "zarghuna zarghona farzana wahid najib najibullah habibullah rahmatullah "
        "ahmadullah gulalai malalai gul gulbuddin rahim karim aziz habib zabihullah "
        "mursal shabnam shukria fereshta parwana mahbooba nilofar nargis sohrab "
        "shirin nasrin mahnaz sepideh setareh roya ladan arash babak bijan kaveh dariush "
        # Arabic names in their Latin spellings that the lists lack
        "khalid khaled tariq tarek abdullah abdallah muhammad mohamad hasan husam wafaa "
        "layla leila zahra zahraa ghada manal hiba rasha rawan lujain reem ruba dima "
        "bashar majd yazan tamer anas bara baraa qusay louay luay ayham muhannad mazen "
        "huda rahman "
        # French given names of older generations that Faker's French lists lack
        "odile lucienne aline"
    )
)
