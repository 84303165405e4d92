import { UNIT_SUMMARY_HEADER } from "../../shared/ledger/contest-outputs.js";
import { OUTPUT_SHEET_NAMES } from "../../shared/ledger/schema.js";
import { OWN_CHART_PREFIX, type WriteDecorator } from "./excel-port.js";

export const CHART_TITLES = {
  money: "Tiền thưởng theo đơn vị",
  submissions: "Số bài dự thi theo đơn vị",
} as const;

const NAME_COL = UNIT_SUMMARY_HEADER.indexOf("Tên đơn vị");
const SUBMITTED_COL = UNIT_SUMMARY_HEADER.indexOf("Số bài nộp");
const MONEY_COL = UNIT_SUMMARY_HEADER.indexOf("Tiền thưởng");

/** A column chart beside `Tổng hợp đơn vị`: prize money by unit, or submissions when no money was awarded. */
export const unitChart: WriteDecorator = (_context, written) => {
  const w = written.get(OUTPUT_SHEET_NAMES.unitSummary);
  if (!w) return;
  const units = w.output.rows.length - 1;
  if (units < 1) return;
  const total = w.output.rows.slice(1).reduce((sum, r) => sum + (typeof r[MONEY_COL] === "number" ? r[MONEY_COL] : 0), 0);
  const valueCol = total > 0 ? MONEY_COL : SUBMITTED_COL;
  const ws = w.sheet;
  const chart = ws.charts.add("ColumnClustered", ws.getRangeByIndexes(0, valueCol, units + 1, 1), "Columns");
  chart.series.getItemAt(0).setXAxisValues(ws.getRangeByIndexes(1, NAME_COL, units, 1));
  chart.name = `${OWN_CHART_PREFIX}don-vi`;
  chart.title.text = total > 0 ? CHART_TITLES.money : CHART_TITLES.submissions;
  chart.setPosition("J2", "Q20");
};
