// The widget's words, English and French (the element's `lang`, else the closest [lang], else the page's).
// A shop may replace any status text with an attribute: text-checking, text-clear, text-review,
// text-blocked, text-error.
const STRINGS = {
  en: {
    checking: 'Checking export rules…',
    clear: 'Export check passed',
    review: 'Needs review before shipping',
    blocked: 'This order cannot be completed online. Please contact us.',
    error: 'Export check unavailable',
    'decision.clear': 'Clear',
    'decision.review': 'Review',
    'decision.license_required': 'Licence required',
    'decision.blocked': 'Blocked',
    name: 'Name',
    type: 'Type',
    organization: 'Organisation',
    person: 'Person',
    country: 'Country',
    city: 'City',
    address: 'Address',
    item: 'Item',
    quantity: 'Qty',
    endUse: 'End use',
    check: 'Check',
    choose: 'Choose…',
    lists: 'Lists as of {date} ({days} days old).',
    listsOld: 'Older than {max} days: ask your list publisher for a newer signed bundle.',
    noFindings: 'Nothing found.',
    required: 'Enter a name and a country.',
  },
  fr: {
    checking: 'Contrôle export en cours…',
    clear: 'Contrôle export réussi',
    review: 'À vérifier avant expédition',
    blocked: 'Cette commande ne peut pas être finalisée en ligne. Merci de nous contacter.',
    error: 'Contrôle export indisponible',
    'decision.clear': 'Rien à signaler',
    'decision.review': 'À vérifier',
    'decision.license_required': 'Licence requise',
    'decision.blocked': 'Bloquée',
    name: 'Nom',
    type: 'Type',
    organization: 'Organisation',
    person: 'Personne',
    country: 'Pays',
    city: 'Ville',
    address: 'Adresse',
    item: 'Article',
    quantity: 'Qté',
    endUse: 'Utilisation finale',
    check: 'Contrôler',
    choose: 'Choisir…',
    lists: 'Listes au {date} ({days}\u00a0jours).',
    listsOld: 'Plus de {max}\u00a0jours\u00a0: demandez à votre éditeur de listes un paquet signé plus récent.',
    noFindings: 'Rien trouvé.',
    required: 'Saisissez un nom et un pays.',
  },
};

export function languageOf(element) {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  return lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

// The text for `key` in `lang`, with {name} placeholders filled from `vars`.
export function text(lang, key, vars = {}) {
  const s = STRINGS[lang]?.[key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}
