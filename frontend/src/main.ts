import { mount } from 'svelte';
import App from './App.svelte';
import { session } from './lib/stores/session.svelte';
import { settings, systemLanguage } from './lib/stores/settings.svelte';
import { i18n, loadLanguage } from './i18n/index.svelte';
// Fonts for the scripts a stock system may lack, bundled so Persian,
// Arabic and Thai never show as boxes (both are OFL-licensed).
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/600.css';
import '@fontsource/vazirmatn/700.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import '@fontsource/noto-sans-thai/700.css';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The app mounts once its language's catalog is here, so it never shows
// English first; if the settings cannot be read, it mounts in English and
// says why (the app reads them again and shows the failure). On a team
// host no one is signed in to yet, the sign-in page speaks the browser's
// language.
async function begin(): Promise<void> {
  await session.start();
  if (session.signedOut) i18n.locale = await loadLanguage(systemLanguage());
  else await settings.start();
}

export default begin().then(
  () => mount(App, { target }),
  () => mount(App, { target }),
);
