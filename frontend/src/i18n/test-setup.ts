// Tests read every catalog and switch i18n.locale directly: every
// language's catalog is loaded before each test file runs.
import { availableLanguages, loadLanguage } from './index.svelte';

await Promise.all(availableLanguages.map(loadLanguage));
