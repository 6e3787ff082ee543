// Parses a workbook with the npm "xlsx" package (SheetJS) the way an app
// would read it, and prints the wall time and this process's peak memory.
import { readFileSync } from 'node:fs';
import XLSX from 'xlsx';

const file = process.argv[2];
const t0 = performance.now();
const wb = XLSX.read(readFileSync(file), { type: 'buffer', cellDates: true });
const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
const ms = performance.now() - t0;
console.log(JSON.stringify({ rows: rows.length, ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
