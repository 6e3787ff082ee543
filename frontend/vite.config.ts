import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ar } from './src/i18n/ar';
import { en, type Catalog } from './src/i18n/en';
import { fa } from './src/i18n/fa';
import { pl } from './src/i18n/pl';
import { th } from './src/i18n/th';
import { tr } from './src/i18n/tr';
import { reportRateKeys } from './src/lib/report-words';

/**
 * reportWords are the words of the executive report in each language
 * (headings, statuses, goal metrics) for reports written without the
 * window: "mopsdesk report" in the workspace's language.
 */
function reportWords(cat: Catalog): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, msg] of Object.entries(cat)) {
    if (typeof msg !== 'string') continue;
    if (key.startsWith('report.')) out[key.slice('report.'.length)] = msg;
    else if (key.startsWith('status.')) out[key] = msg;
    else if (key.startsWith('metric.')) out['goal.' + key.slice('metric.'.length)] = msg;
    else if ((reportRateKeys as readonly string[]).includes(key)) out[key] = msg;
  }
  return out;
}

/**
 * reportCharts copies the ECharts library the app itself bundles into
 * dist/report/, where the backend reads it to inline into HTML reports, so
 * a report draws its charts offline with the same version as the app; and
 * the Arabic-script and Thai subsets of the bundled fonts, which a report
 * embeds when its text needs them.
 */
function reportCharts(): Plugin {
  return {
    name: 'mopsdesk-report-charts',
    apply: 'build',
    generateBundle() {
      const require = createRequire(import.meta.url);
      const path = require.resolve('echarts/dist/echarts.min.js');
      this.emitFile({ type: 'asset', fileName: 'report/echarts.min.js', source: readFileSync(path) });
      for (const [lang, cat] of Object.entries({ en, fa, ar, pl, tr, th })) {
        this.emitFile({ type: 'asset', fileName: `report/words-${lang}.json`, source: JSON.stringify(reportWords(cat)) });
        // The desktop's native dialogs (titles, file types) in each language.
        const dialog = Object.fromEntries(Object.entries(cat).filter(([k]) => k.startsWith('dialog.')));
        this.emitFile({ type: 'asset', fileName: `dialog/words-${lang}.json`, source: JSON.stringify(dialog) });
      }
      for (const [pkg, file] of [
        ['vazirmatn', 'vazirmatn-arabic-400'],
        ['vazirmatn', 'vazirmatn-arabic-700'],
        ['noto-sans-thai', 'noto-sans-thai-thai-400'],
        ['noto-sans-thai', 'noto-sans-thai-thai-700'],
      ]) {
        const font = require.resolve(`@fontsource/${pkg}/files/${file}-normal.woff2`);
        this.emitFile({ type: 'asset', fileName: `report/${file}.woff2`, source: readFileSync(font) });
      }
    },
  };
}

/**
 * woff2Only drops the .woff fallback from the bundled fonts' @font-face
 * rules: every webview the app runs in (WebKitGTK, WebView2, WKWebView) and
 * every browser serve mode supports reads woff2, so the .woff copies were
 * only weight in the build.
 */
function woff2Only(): Plugin {
  return {
    name: 'mopsdesk-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [woff2Only(), svelte(), reportCharts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts is a chunk of its own (src/lib/echarts.ts), loaded with the
    // first chart; pages other than the campaign list are chunks too.
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/i18n/test-setup.ts'],
  },
});
