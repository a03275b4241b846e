/** Comparison rows as a self-contained HTML page (the audit report's styles). */
import { failedRules, ruleTally, type CompareRow } from '../analysis/compare.js';
import { hoursCell, secondsCell } from './compare-table.js';
import { escapeHtml, htmlPage } from './html.js';

/** The failed rules by id, the profile in a tooltip: what a regulator reads first. */
function failedList(row: CompareRow): string {
  const failed = failedRules(row).map((key) => {
    const [profile, id] = key.split('/');
    return `<span title="${escapeHtml(profile ?? '')}">${escapeHtml(id ?? key)}</span>`;
  });
  return failed.length === 0 ? '' : `<div class="source">failed: ${failed.join(' ')}</div>`;
}

function rowHtml(row: CompareRow, index: number): string {
  if (row.error !== null) {
    return `<tr><td class="num">-</td><td>${escapeHtml(row.file)}</td><td colspan="6" class="fail">${escapeHtml(row.error)}</td></tr>`;
  }
  const tally = ruleTally(row);
  const fails = row.hardFails.length > 0 ? ` <small>${escapeHtml(row.hardFails.join(', '))}</small>` : '';
  return `<tr><td class="num">${index + 1}</td><td>${escapeHtml(row.name ?? '')}<div class="source">${escapeHtml(row.file)}</div></td>`
    + `<td class="grade-cell"><span class="grade-chip grade-${escapeHtml(row.grade ?? '')}">${escapeHtml(row.grade ?? '')}</span>${fails}</td>`
    + `<td class="num">${(row.score ?? 0).toFixed(1)}</td><td class="num">${secondsCell(row.fastestSeconds)}</td>`
    + `<td class="num">${secondsCell(row.announcedSeconds)}</td><td class="num">${hoursCell(row.hoursCoverage)}</td>`
    + `<td class="rules"><span class="pass">${tally.pass} pass</span> · <span class="fail">${tally.fail} fail</span> · <span class="not-assessable">${tally['not-assessable']} n/a</span>${failedList(row)}</td></tr>`;
}

export function compareHtml(rows: readonly CompareRow[]): string {
  const body = `
<style>.grade-chip { display:inline-block; min-width:26px; text-align:center; border-radius:6px; color:#fff; font-weight:700; padding:1px 6px; }
td.rules span, td.grade-cell { white-space: nowrap; } @media screen { td.rules { min-width: 17em; } }</style>
<h1>Menu comparison</h1>
<p class="sub">${rows.length} menu file(s), ranked from least to most friction. Fastest: any route, including unannounced shortcuts; announced: options the prompts announce only. Times are menu time plus the median hold.</p>
<div class="table-wrap"><table><thead><tr><th class="num">#</th><th>menu</th><th>grade</th><th class="num">MFI</th><th class="num">fastest</th><th class="num">announced</th><th class="num">hours</th><th>rules</th></tr></thead>
<tbody>${rows.map(rowHtml).join('')}</tbody></table></div>`;
  return htmlPage('Menu comparison', body);
}
