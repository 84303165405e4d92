// Bundled by the browser test and served in place of Microsoft's office.js: the double becomes the
// page's `Office` and `Excel`, and `thiduaExcel` lets the test load sheets and read them back.
import { ExcelDouble } from "./excel-double.js";

const excel = new ExcelDouble();
Object.assign(globalThis, { Office: excel.office(), Excel: { run: excel.run }, thiduaExcel: excel });
