import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '@/locales/en.json';

/**
 * Languages the console is translated into. To add one (zh-CN and ja are next): add
 * `src/locales/<lng>.json` with the same keys, list it here and in `resources`, and add Cloudscape's
 * messages for it in `src/app/providers.tsx`.
 */
const SUPPORTED_LANGUAGES = ['en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const resources = {
  en: { translation: en },
} satisfies Record<SupportedLanguage, { translation: typeof en }>;

/** The first of the browser's preferred languages that the console has, matching `ja-JP` to `ja`. */
export function pickLanguage(preferred: readonly string[]): SupportedLanguage {
  const supported: readonly string[] = SUPPORTED_LANGUAGES;
  for (const tag of preferred) {
    if (supported.includes(tag)) return tag as SupportedLanguage;
    const base = tag.split('-')[0] ?? '';
    const match = SUPPORTED_LANGUAGES.find((language) => language === base || language.split('-')[0] === base);
    if (match) return match;
  }
  return 'en';
}

export function initI18n(preferred: readonly string[]): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: pickLanguage(preferred),
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show `&amp;` in names.
    interpolation: { escapeValue: false },
    // Resources are bundled, so initialise synchronously and render translated text at once.
    initAsync: false,
  });
  return i18n;
}

/** The active language, for Intl formatting. */
export function useLocale(): string {
  const { i18n: instance } = useTranslation();
  return instance.resolvedLanguage ?? instance.language;
}
