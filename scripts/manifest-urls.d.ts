// Types for manifest-urls.js, which stays plain JS because webpack.config.js requires it without a TS loader.
export declare const DEV_URL: string;
export declare const EXAMPLE_PRODUCTION_URL: string;
export declare function productionUrl(env?: Record<string, string | undefined>): string;
export declare function toProductionManifest(xml: string, baseUrl: string): string;
