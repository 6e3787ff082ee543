import { mount } from 'svelte';
import App from './App.svelte';
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

export default mount(App, { target });
