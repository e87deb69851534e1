/**
 * Function words frequent in one of the seven languages a dossier may be written in and absent, or rare, in
 * the six others (ISO 639-1 → words, lower case, separated by spaces). Words two of them share (« de »,
 * « la », « en », « que », « das », « nos », « son », « y », « is »…) or that French business prose borrows
 * (« it » for IT) are left out: a section's words either point to one language clearly or the section
 * goes to franc (`language.ts`).
 */
export const LANGUAGE_MARKERS: Record<string, string> = {
  fr: 'les des et est une du pour dans qui sur au aux avec sont nous pas ces cette leur leurs être été très ont ainsi',
  en: 'the and of to that for with are this be from which have has will our their its by',
  de: 'der und ist nicht mit sich auf für ein eine dem von werden wird auch sind oder bei nach wir unsere zu im',
  es: 'el los las sus más pero muy también hay fue cuando nuestro nuestra nuestros ellos esto puede',
  it: 'di che della dei delle gli degli sono è alla nel nella nelle questo questa anche più dalla sulla essere hanno',
  pt: 'os em uma não ao aos são seu sua também pelo pela muito isso esse essa é na nas',
  nl: 'het een van dat op voor zijn niet aan ook bij door wordt naar deze onze worden wij hebben heeft',
};
