// The preview's chart drawing from recorded specs (pure; the browser tests check it on the page).
import { parseA1 } from '../../../src/sheets/a1';
import { chartSvg } from '../../../preview/chart';
import { chartData, option, toNumber, type Grid } from '../../../preview/chart-data';
import { chartPlacement, renderGrid, type SheetView } from '../../../preview/render';

const grid = (rows: string[][]): Grid => rows.map((r) => r.map((v) => ({ v })));

const scores = grid([
  ['Date', 'PHQ-9', 'GAD-7', 'Cut-off'],
  ['2026-09-04', '18', '11', '10'],
  ['2026-09-11', '16', '', '10'],
  ['2026-09-18', '12', '9', '10'],
  ['2026-09-25', '9', '7', '10'],
]);
const lookup = (name: string | null) => (name === 'Scores' ? scores : null);

describe('chartData', () => {
  it('takes the domain from the first column, series from the rest, names from a text header row', () => {
    const d = chartData({ type: 'LINE', ranges: ['A1:D5'], options: {} }, 'Scores', lookup);
    expect(d.domain).toEqual(['2026-09-04', '2026-09-11', '2026-09-18', '2026-09-25']);
    expect(d.series.map((s) => s.name)).toEqual(['PHQ-9', 'GAD-7', 'Cut-off']);
    expect(d.series[1].values).toEqual([11, null, 9, 7]);
  });

  it('joins several ranges side by side and reads sheet-qualified ranges', () => {
    const d = chartData({ type: 'COLUMN', ranges: ["'Scores'!A1:A5", 'Scores!C1:C5'] }, 'Other', lookup);
    expect(d.type).toBe('COLUMN');
    expect(d.series.map((s) => s.name)).toEqual(['GAD-7']);
    expect(d.vMin).toBe(0);
  });

  it('uses vAxis.viewWindow, titles, colours and series options, nested or dotted', () => {
    const d = chartData(
      {
        type: 'LINE',
        ranges: ['A1:D5'],
        options: { title: 'Scores over time', 'hAxis.title': 'Session', vAxis: { title: 'Score', viewWindow: { min: 0, max: 27 } }, colors: ['#111111', '#222222'], series: { 2: { color: '#d33', lineWidth: 1, pointSize: 0, visibleInLegend: false } }, legend: { position: 'bottom' } },
      },
      'Scores',
      lookup,
    );
    expect([d.vMin, d.vMax]).toEqual([0, 27]);
    expect([d.title, d.hTitle, d.vTitle]).toEqual(['Scores over time', 'Session', 'Score']);
    expect(d.series.map((s) => s.color)).toEqual(['#111111', '#222222', '#d33']);
    expect(d.series[2].lineWidth).toBe(1);
    expect(d.series[2].inLegend).toBe(false);
    expect(d.legend).toBe('bottom');
  });

  it('draws only the categories the emulator counted (rows after them are dropped, as Sheets drops trailing empty rows)', () => {
    const d = chartData({ type: 'LINE', ranges: ['A1:D5'], numHeaders: 1, categories: 2 }, 'Scores', lookup);
    expect(d.domain).toEqual(['2026-09-04', '2026-09-11']);
    expect(d.series[0].values).toEqual([18, 16]);
  });

  it('honours numHeaders 0 and reads option() both ways', () => {
    const d = chartData({ type: 'SCATTER', ranges: ['B2:C5'], numHeaders: 0 }, 'Scores', lookup);
    expect(d.series[0].name).toBe('Series 1');
    expect(d.domain).toEqual(['18', '16', '12', '9']);
    expect(option({ 'vAxis.viewWindow': { max: 3 } }, 'vAxis.viewWindow.max')).toBe(3);
    expect(option({ vAxis: { viewWindow: { max: 4 } } }, 'vAxis.viewWindow.max')).toBe(4);
  });

  it('parses display values as Sheets shows them', () => {
    expect(toNumber('1,234.5')).toBe(1234.5);
    expect(toNumber('45%')).toBeCloseTo(0.45);
    expect(toNumber('')).toBeNull();
    expect(toNumber('n/a')).toBeNull();
    expect(parseA1('$B$2:C')).toEqual({ startRow: 2, startCol: 2, endRow: undefined, endCol: 3 });
  });
});

describe('chartSvg', () => {
  it('draws one line per series in its colour, breaks lines at blanks, and escapes text', () => {
    const d = chartData({ type: 'LINE', ranges: ['A1:C5'], options: { title: 'A <b> & "c"', colors: ['#123456', '#abcdef'] } }, 'Scores', lookup);
    const svg = chartSvg(d);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg.match(/<polyline class="line" data-series="0"[^>]*stroke="#123456"/g)).toHaveLength(1);
    // GAD-7 has a blank at the second session: one lone point, then a line over the last two.
    expect(svg.match(/<polyline class="line" data-series="1"/g)).toHaveLength(1);
    expect(svg.match(/<circle class="point" data-series="1"/g)).toHaveLength(1);
    expect(svg).toContain('data-vmin');
  });

  it('draws columns as bars, one per value', () => {
    const svg = chartSvg(chartData({ type: 'COLUMN', ranges: ['A1:B5'] }, 'Scores', lookup));
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(4);
  });
});

describe('chart placement', () => {
  it('puts a chart at its anchor cell plus offsets', () => {
    expect(chartPlacement({ position: { anchorRow: 3, anchorColumn: 2, offsetX: 5, offsetY: 7 } }, [120, 80])).toEqual({ top: 21 + 2 * 21 + 7, left: 46 + 120 + 5 });
  });

  it('renders a grid with display values, formulas in titles, and charts that cannot be drawn as a message', () => {
    const sheet: SheetView = {
      name: 'T',
      hidden: false,
      frozenRows: 1,
      frozenColumns: 0,
      tabColor: null,
      columnWidths: [],
      rows: [[{ v: '1' }, { v: '2', f: '=A1+1' }], [{ v: '#N/A', err: 'no match' }]],
      charts: [{ type: 'LINE', ranges: ['not a range'] }],
      protections: [],
    };
    const html = renderGrid({ name: 'x', timeZone: 'UTC', sheets: [sheet] }, sheet);
    expect(html).toContain('title="=A1+1"');
    expect(html).toContain('Error: no match');
    expect(html).toContain('class="chart-error"');
  });
});
