import ExcelJS from "exceljs";

type CellStyle = Partial<ExcelJS.Style>;

/** Plain values whose style id ExcelJS derives from the style alone (and, for dates, the date default). */
const SHAREABLE = new Set<ExcelJS.ValueType>([
  ExcelJS.ValueType.Number,
  ExcelJS.ValueType.String,
  ExcelJS.ValueType.Boolean,
  ExcelJS.ValueType.Date,
]);

/**
 * Runs `write` with equal cell styles shared as one object, then gives every cell its own object
 * back. ExcelJS renders a style to XML for each style object it meets while saving (it remembers
 * the objects it has seen); cells made one by one each carry their own object, so a large sheet
 * paid that rendering once per cell. The saved file is the same: equal styles get the same id.
 * A date without a number format takes a date format from ExcelJS, so dates are grouped apart;
 * formulas, rich text, links and merged cells keep their own objects.
 */
export async function withSharedStyles<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const changed: ExcelJS.Cell[] = [];
  const own: CellStyle[] = [];
  const byKey = new Map<string, CellStyle>();
  try {
    // Cells read from a file already share their style objects: describe each object once.
    const keyOf = new WeakMap<CellStyle, string>();
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          if (!SHAREABLE.has(cell.type)) return;
          const style = cell.style;
          let key = isEmptyStyle(style) ? "{}" : keyOf.get(style);
          if (key === undefined) {
            key = JSON.stringify(style);
            keyOf.set(style, key);
          }
          if (cell.type === ExcelJS.ValueType.Date) key = "date:" + key;
          const shared = byKey.get(key);
          if (shared === undefined) byKey.set(key, style);
          else if (shared !== style) {
            changed.push(cell);
            own.push(style);
            cell.style = shared;
          }
        });
      });
    }
    return await write();
  } finally {
    changed.forEach((cell, i) => {
      cell.style = own[i]!;
    });
  }
}

function isEmptyStyle(style: CellStyle): boolean {
  for (const _ in style) return false;
  return true;
}
