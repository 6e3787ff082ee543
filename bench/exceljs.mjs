// Parses a workbook with ExcelJS's streaming WorkbookReader (the npm
// "exceljs" package), counting rows and keeping none, and prints the row
// count, the wall time and this process's peak memory.
import ExcelJS from 'exceljs';

const file = process.argv[2];
const t0 = performance.now();
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'emit',
});
let rows = 0;
for await (const sheet of reader) {
  for await (const row of sheet) {
    if (row.values.length > 0) rows++;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ rows, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
