// Types for functions-metadata.js, plain JS because webpack.config.js requires it without a TS loader.
export declare function finalMetadata(metadataJson: string, baseUrl?: string): string;
export declare function devMetadata(): Promise<string>;
export declare function sha256(text: string): string;
export declare function manifestVersion(xml?: string): string;
export declare function readRecord(): { version: string; functionsSha256: string };
export declare function mismatch(
  record: { version: string; functionsSha256: string },
  version: string,
  hash: string,
): string | null;
export declare const RECORD: string;
