import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { initI18n } from '@/lib/i18n';

// The console's own texts in English, as a user with an English browser reads them.
initI18n(['en']);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
