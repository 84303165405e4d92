export declare const GLOBAL_NAME: string;
export declare function buildAppsScript(outDir?: string): Promise<{ outDir: string; code: string; handlers: string[] }>;
