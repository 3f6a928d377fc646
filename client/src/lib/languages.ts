/**
 * Languages guests speak, by code (what the API stores: 'de', 'en', 'pt-br'), with English names
 * from the browser (Intl), so the client ships no table of names.
 */
const COMMON = [
  'en',
  'de',
  'fr',
  'it',
  'es',
  'pt',
  'nl',
  'pl',
  'cs',
  'da',
  'sv',
  'no',
  'fi',
  'el',
  'hu',
  'ro',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'fa',
  'hi',
  'zh',
  'ja',
  'ko',
  'th',
  'vi',
] as const;

let names: Intl.DisplayNames | null | undefined;

/** "German" for 'de' (the code itself when the browser does not know it). */
export function languageName(code: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'language' });
    } catch {
      names = null;
    }
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Options for a language picker: the common languages by name, plus any other codes in use
 * (e.g. an imported guest's 'pt-br'), so a stored value always shows.
 */
export function languageOptions(extra: readonly (string | null | undefined)[] = []) {
  const codes = new Set<string>(COMMON);
  for (const code of extra) if (code) codes.add(code.toLowerCase());
  return [...codes]
    .map((value) => ({ value, label: `${languageName(value)} (${value})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
