import type en from '@/locales/en.json';

// Typed translation keys: a misspelt key in `t()` fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
