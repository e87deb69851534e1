/**
 * Capitalised words that name no company: places, institutions, authors of methods, calendar words, generic
 * acronyms. Folded (lower case, no accents). The dossier's own names (applied.ts) never include these, so a
 * textbook paragraph about « la France » or « Michael Porter » stays generic.
 */
export const GENERIC_NAMES: ReadonlySet<string> = new Set(
  // Places and institutions
  (
    'france europe europeen europeenne union etat etats unis monde paris ue onu ocde insee ademe bpifrance ' +
    'cci urssaf amf afnor iso commission parlement gouvernement ministere republique ' +
    // Authors and method names not in the concept lexicon
    'michael porter kotler maslow hofstede meyer hall osterwalder pigneur ansoff mckinsey boston consulting group bcg ' +
    'kaplan norton drucker mintzberg lewin herzberg trompenaars erin edward geert ' +
    // Calendar
    'janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'january february march april june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    // Generic acronyms and words capitalised by habit
    'pme tpe eti b2b b2c crm erp kpi roi seo sea web internet google linkedin facebook instagram excel ' +
    'loi code directive norme the and for ' +
    // French function words capitalised inside a name (« Camping Les Oyats », « Aux Délices ») name nothing
    // themselves: as dossier names they made every sentence with « les » about the company (issue #16).
    'les des aux une ' +
    // English job titles and degrees, capitalised by habit in CVs and letters (« Master in Business Development »)
    'business development manager sales marketing master bachelor team report international director assistant'
  ).split(' '),
);
