import ExcelJS from "exceljs";

/** The floor: what ExcelJS alone needs to read a workbook and write it back, with nothing computed. */
export async function excelRoundTrip(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}
