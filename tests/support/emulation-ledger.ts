import type { Cell, Grid } from "../../shared/cells/cell.js";

/** Small review ledgers for the emulation tests, as grids a host would hand over. */

export const CRITERIA_HEADER = ["Mã tiêu chí", "Nội dung", "Áp dụng cho", "Kiểu", "Ngưỡng", "Nhóm"];
export const QUOTAS_HEADER = ["Cấp khen", "Loại", "Số lượng", "Hạn nộp", "Mức thưởng"];
export const XA = "Giấy khen UBND xã";
export const HUYEN = "Giấy khen UBND huyện";

export interface CandidateSpec {
  readonly code: string;
  readonly type?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly level?: string;
  /** Criterion code → cell. */
  readonly values?: Readonly<Record<string, Cell>>;
  /** Tờ trình, Biên bản họp, Báo cáo thành tích; "Có" each by default. */
  readonly dossier?: readonly [Cell, Cell, Cell];
  readonly submitted?: Cell;
  readonly score?: Cell;
}

export const FIXED_HEADER = ["Mã", "Loại", "Tên", "Mã đơn vị", "Cấp khen"];
export const DOSSIER_HEADER = ["Tờ trình", "Biên bản họp", "Báo cáo thành tích", "Ngày nộp hồ sơ", "Điểm"];

export function candidatesGrid(criterionCodes: readonly string[], specs: readonly CandidateSpec[]): Grid {
  const rows: Grid = [[...FIXED_HEADER, ...criterionCodes, ...DOSSIER_HEADER]];
  for (const c of specs) {
    rows.push([
      c.code,
      c.type ?? "Cá nhân",
      c.name ?? `Ứng viên ${c.code}`,
      c.unit ?? "U1",
      c.level ?? XA,
      ...criterionCodes.map((k) => c.values?.[k] ?? null),
      ...(c.dossier ?? ["Có", "Có", "Có"]),
      c.submitted === undefined ? "20/11/2023" : c.submitted,
      c.score ?? null,
    ]);
  }
  return rows;
}

export interface ReviewSpec {
  readonly criteria: readonly (readonly Cell[])[];
  readonly quotas?: readonly (readonly Cell[])[];
  readonly candidates: readonly CandidateSpec[];
  /** Criterion columns of the candidates sheet; by default every code of `criteria`, once. */
  readonly columns?: readonly string[];
}

export function reviewLedger(spec: ReviewSpec): Map<string, Grid> {
  const codes = spec.columns ?? [...new Set(spec.criteria.map((r) => String(r[0])))];
  return new Map<string, Grid>([
    [
      "Cuộc thi",
      [
        ["Mục", "Giá trị"],
        ["Tên cuộc thi", "Phong trào thi đua thử nghiệm"],
        ["Đơn vị tổ chức", "Ủy ban nhân dân xã Thử Nghiệm"],
        ["Năm", 2023],
      ],
    ],
    [
      "Đơn vị",
      [
        ["Mã đơn vị", "Tên đơn vị"],
        ["U1", "Văn phòng - Thống kê"],
        ["U2", "Tư pháp - Hộ tịch"],
      ],
    ],
    ["Đề nghị khen thưởng", candidatesGrid(codes, spec.candidates)],
    ["Tiêu chí khen thưởng", [CRITERIA_HEADER, ...spec.criteria.map((r) => [...r])]],
    [
      "Chỉ tiêu khen thưởng",
      [
        QUOTAS_HEADER,
        ...(
          spec.quotas ?? [
            [XA, "Cá nhân", 3, "25/11/2023", null],
            [XA, "Tập thể", 1, "25/11/2023", null],
          ]
        ).map((r) => [...r]),
      ],
    ],
  ]);
}
