/** French and English function words, plus rubric boilerplate that says nothing about the topic. */
export const STOPWORDS = new Set(
  (
    'le la les l un une des de du d au aux a et ou en dans par pour sur sous avec sans ce cet cette ces se sa son ses ' +
    'leur leurs notre nos votre vos mon ma mes qui que quoi dont est sont etre avoir ont il elle ils elles on nous vous ' +
    'je tu y ne pas plus moins tres tout tous toute toutes autre autres meme comme ainsi aussi bien mais donc or ni car si ' +
    'afin entre vers chez lors apres avant pendant depuis quand comment lui eux cela ceci ca celle celui ceux celles qu s c ' +
    'n j m t etc ete fait faite faits faites peut doit dont the an and of to in on for with by from as at is are was were be ' +
    'been it its this that these those we our you your they their he she his her i my me not no but if so than then there ' +
    'here which who what when where how all any each more most some such can will would should could may might into about ' +
    'over also ' +
    // Rubric boilerplate: every criterion says the candidate « expose de manière structurée » what « est présenté ».
    'candidat candidate expose exposee exposees exposes maniere structuree structure structures analytique elements element ' +
    'suivent presente presentee presentes presentees presenter presentant realise realisee realisees realises demontre ' +
    'demontree demontrees demontrent permet permettent entreprise entreprises ensemble base cle cles notamment different ' +
    'differente differents differentes analyse analysee analyses analysees analyser argumente argumentee argumentes ' +
    'argumentees explique expliquee expliques justifie justifiee justifies justifiees propose proposee proposes proposees ' +
    'compte pris prise capable montrer partir faire ayant'
  ).split(' '),
);

/** Words that name a kind of document rather than its subject (deliverable wording). */
export const DOCUMENT_WORDS = new Set(
  (
    'synthese rapport document tableau forme note exemple demonstration etude approfondie detaillee detaille toutes ' +
    'composantes projet methode methodes outils analyse deux trois quant mise oeuvre'
  ).split(' '),
);
