// Apps Script enums the emulator provides (SpreadsheetApp.*, Charts.*, Ui Button/ButtonSet, ScriptApp.AuthMode, HtmlService modes); unknown members throw.
import { makeEnum } from './not-emulated';

export const SpreadsheetAppEnums = {
  ProtectionType: makeEnum('ProtectionType', ['RANGE', 'SHEET']),
  DataValidationCriteria: makeEnum('DataValidationCriteria', [
    'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE',
    'CUSTOM_FORMULA', 'CHECKBOX',
  ]),
  BooleanCriteria: makeEnum('BooleanCriteria', [
    'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO', 'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO', 'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
  ]),
  InterpolationType: makeEnum('InterpolationType', ['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']),
  WrapStrategy: makeEnum('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']),
  Dimension: makeEnum('Dimension', ['COLUMNS', 'ROWS']),
};

export const ChartsEnums = {
  ChartType: makeEnum('ChartType', ['TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL']),
  ChartHiddenDimensionStrategy: makeEnum('ChartHiddenDimensionStrategy', ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH']),
  ChartMergeStrategy: makeEnum('ChartMergeStrategy', ['MERGE_COLUMNS', 'MERGE_ROWS']),
  Position: makeEnum('Position', ['TOP', 'RIGHT', 'BOTTOM', 'NONE']),
  PointStyle: makeEnum('PointStyle', ['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']),
  CurveStyle: makeEnum('CurveStyle', ['NORMAL', 'SMOOTH']),
};

export const UiEnums = {
  Button: makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']),
  ButtonSet: makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']),
};

export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);

export const HtmlEnums = {
  SandboxMode: makeEnum('SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']),
  XFrameOptionsMode: makeEnum('XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']),
};
