// Embedded charts: the built spec is recorded as plain JSON; update and remove work by chart id; categories counted as Sheets does.
import { fakeEmulator } from './fixture';

function setup() {
  const emu = fakeEmulator();
  const sh = emu.spreadsheet.getSheetByName('Sheet1')!;
  sh.getRange('A1:C4').setValues([['Week', 'Score', 'Cut-off'], [1, 10, 15], [2, 14, 15], [3, 18, 15]]);
  const Charts = emu.services.Charts as typeof GoogleAppsScript.Charts;
  return { emu, sh, Charts };
}

describe('charts', () => {
  test('the chart spec is recorded with type, ranges, options and position', () => {
    const { emu, sh, Charts } = setup();
    const chart = sh
      .newChart()
      .addRange(sh.getRange('A1:B4'))
      .addRange(sh.getRange('C1:C4'))
      .asLineChart()
      .setTitle('PHQ-9')
      .setXAxisTitle('Week')
      .setYAxisTitle('Score')
      .setRange(0, 27)
      .setColors(['#1a73e8', '#d33'])
      .setLegendPosition(Charts.Position.BOTTOM)
      .setPointStyle(Charts.PointStyle.MEDIUM)
      .setOption('series', { 1: { lineWidth: 1, pointSize: 0 } })
      .setNumHeaders(1)
      .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
      .setPosition(6, 2, 0, 0)
      .build();
    expect(chart.getChartId()).toBeNull();
    sh.insertChart(chart);
    const [spec] = emu.view().sheets[0].charts;
    expect(spec).toEqual({
      chartId: 1,
      type: 'LINE',
      ranges: ['Sheet1!A1:B4', 'Sheet1!C1:C4'],
      options: {
        title: 'PHQ-9',
        'hAxis.title': 'Week',
        'vAxis.title': 'Score',
        'vAxis.viewWindow.min': 0,
        'vAxis.viewWindow.max': 27,
        colors: ['#1a73e8', '#d33'],
        'legend.position': 'bottom',
        pointStyle: 'MEDIUM',
        series: { 1: { lineWidth: 1, pointSize: 0 } },
      },
      position: { row: 6, column: 2, offsetX: 0, offsetY: 0 },
      hiddenDimensionStrategy: 'SHOW_BOTH',
      mergeStrategy: null,
      numHeaders: 1,
      transposeRowsAndColumns: false,
      categories: 3,
    });
    const [got] = sh.getCharts();
    expect(got.getChartId()).toBe(1);
    expect(got.getOptions().get('title')).toBe('PHQ-9');
    expect(got.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4', 'C1:C4']);
  });

  test('modify → updateChart replaces the chart; removeChart deletes it', () => {
    const { emu, sh, Charts } = setup();
    sh.insertChart(sh.newChart().addRange(sh.getRange('A1:B4')).setChartType(Charts.ChartType.COLUMN).build());
    const [chart] = sh.getCharts();
    sh.updateChart(chart.modify().asScatterChart().setTitle('Scatter').build());
    expect(emu.view().sheets[0].charts.map((c) => [c.chartId, c.type, c.options.title])).toEqual([[1, 'SCATTER', 'Scatter']]);
    sh.removeChart(sh.getCharts()[0]);
    expect(sh.getCharts()).toHaveLength(0);
  });

  test('chart ranges move when rows are inserted above them', () => {
    const { emu, sh } = setup();
    sh.insertChart(sh.newChart().addRange(sh.getRange('A1:B4')).asColumnChart().build());
    sh.insertRowsBefore(1, 2);
    expect(emu.view().sheets[0].charts[0].ranges).toEqual(['Sheet1!A3:B6']);
  });

  test('categories: a formula\'s "" is one, truly empty rows after the data are not (a spilled array leaves them empty)', () => {
    const { emu, sh } = setup();
    const count = (a1: string) => {
      sh.getCharts().forEach((c) => sh.removeChart(c));
      sh.insertChart(sh.newChart().addRange(sh.getRange(a1)).asLineChart().setNumHeaders(1).build());
      return emu.view().sheets[0].charts[0].categories;
    };
    expect(count('A1:C20')).toBe(3);
    // Per-row formulas returning "" after the data: every one is a category, as in Sheets.
    sh.getRange('E1:E20').setFormulas(Array.from({ length: 20 }, (_, i) => [i === 0 ? '="Wk"' : `=IF(A${i + 1}="","",A${i + 1})`]));
    expect(count('E1:E20')).toBe(19);
    // One FILTER spilling exactly the points: the rows after it are truly empty.
    sh.getRange('F2').setFormula('=ARRAYFORMULA(IFERROR(FILTER(B2:B20,A2:A20<>""),""))');
    expect(count('F1:F20')).toBe(3);
    // No points: the spill is one "" cell, one (empty) category.
    sh.getRange('G2').setFormula('=ARRAYFORMULA(IFERROR(FILTER(B2:B20,A2:A20="none"),""))');
    expect(count('G1:G20')).toBe(1);
  });

  test('one point padded as the Review tab does: a constant column set on the row after it keys the FILTER, giving two categories', () => {
    const { emu, sh } = setup();
    sh.getRange('A3:C4').setValues([['', '', ''], ['', '', '']]);
    // The row after the only point holds the constant and nothing else; the chart table filters on the constant column.
    sh.getRange('C3').setFormula('=IF(OR(A3<>"",COUNT(A$2:A$20)=1),15,"")');
    sh.getRange('C4').setFormula('=IF(A4="","",15)');
    sh.getRange('E1:G1').setValues([['Week', 'Score', 'Cut-off']]);
    sh.getRange('E2:G2').setFormulas([['A', 'B', 'C'].map((x) => `=ARRAYFORMULA(IFERROR(FILTER(${x}2:${x}20,C2:C20<>""),""))`)]);
    expect(sh.getRange('E2:G4').getValues()).toEqual([
      [1, 10, 15],
      ['', '', 15],
      ['', '', ''],
    ]);
    sh.insertChart(sh.newChart().addRange(sh.getRange('E1:G20')).asLineChart().setNumHeaders(1).setOption('series', { 1: { lineWidth: 5, pointSize: 0, lineDashStyle: [10, 5] } }).build());
    const [spec] = emu.view().sheets[0].charts;
    expect(spec.categories).toBe(2);
    // Series options, dash pattern included, are kept as given (the preview reads lineDashStyle as the dash).
    expect(spec.options.series).toEqual({ 1: { lineWidth: 5, pointSize: 0, lineDashStyle: [10, 5] } });
    // A second point: the padding goes, two dated categories remain.
    sh.getRange('A3:B3').setValues([[2, 14]]);
    expect(emu.view().sheets[0].charts[0].categories).toBe(2);
    expect(sh.getRange('E3:G3').getValues()).toEqual([[2, 14, 15]]);
  });
});
