/**
 * Shared set-up for component tests, imported by each test file: i18n in French before each test, and
 * Testing Library's cleanup after it (vitest globals are off, so it is not registered automatically).
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../i18n';

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('fr');
});

afterEach(() => {
  cleanup();
});

export { i18n };
