// Generated from the service's OpenAPI document by `npm run console:api-types`. Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether Postgres, Redis and Kafka all answer (no token needed) */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnchorsController_list"];
        put?: never;
        post: operations["AnchorsController_take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/anchors/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnchorsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_assessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-queries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditQueriesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BreachesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MattersController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rankings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_rankings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RatesController_rates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BreachesController_supervision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trace/{grievanceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraceController_trace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/{workerId}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WorkerPointsController_points"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiErrorBody: {
            /**
             * @description The domain error code, when a rule of the service refused the request.
             * @example conflict
             */
            code?: string;
            /** @description Machine-readable facts of a domain error (the field, the current version of a stale entry...). */
            details?: {
                [key: string]: unknown;
            };
            /** @example Bad Request */
            error?: string;
            /** @description Each problem, at its field, in the language of Accept-Language (zh-CN by default). */
            errors: components["schemas"]["ApiErrorEntry"][];
            /** @description The refusal in English, as earlier clients read it (a list for a 400). */
            message?: string | string[];
            /** @example 400 */
            statusCode: number;
        };
        ApiErrorEntry: {
            /**
             * @description A stable machine code: the failed check (`isLatitude`, `maxLength`, `whitelistValidation`...) or the domain error code (`not_found`, `conflict`...).
             * @example isLatitude
             */
            code: string;
            /**
             * @description The JSON path of the field the problem is about (`location.lat`, `attachments[0]`); absent when it is about no one field.
             * @example location.lat
             */
            field?: string;
            /**
             * @description The problem in the language negotiated from Accept-Language (zh-CN when the header names none of zh-CN, en).
             * @example 纬度必须是 -90 到 90 之间的纬度。
             */
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            /** @enum {string} */
                            kafka?: "up" | "down";
                            /** @enum {string} */
                            postgres?: "up" | "down";
                            /** @enum {string} */
                            redis?: "up" | "down";
                        };
                        /** @enum {string} */
                        status?: "ok";
                    };
                };
            };
            /** @description At least one dependency is down; `down` names them */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks?: {
                            /** @enum {string} */
                            kafka?: "up" | "down";
                            /** @enum {string} */
                            postgres?: "up" | "down";
                            /** @enum {string} */
                            redis?: "up" | "down";
                        };
                        down?: ("postgres" | "redis" | "kafka")[];
                        message?: string[];
                        /** @enum {string} */
                        status?: "error";
                    };
                };
            };
        };
    };
    AnchorsController_list: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnchorsController_take: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnchorsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatesController_assessments: {
        parameters: {
            query: {
                format?: "json" | "csv";
                /** @description committee: the industry committees; branch: the branches */
                unit: "committee" | "branch";
                /** @description the year, cut at REPORTING_UTC_OFFSET_MINUTES */
                year: number;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditQueriesController_list: {
        parameters: {
            query?: {
                /** @description only the queries of this auditor (their token sub) */
                auditorId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BreachesController_list: {
        parameters: {
            query?: {
                /** @description a department code: breaches of deadlines that department held */
                department?: string;
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                grievanceId?: string;
                /** @description the rung of the deadline (or of its holder) */
                level?: "member" | "branch" | "industry_committee" | "two_new_committee";
                limit?: number;
                target?: "respond" | "resolve" | "accept" | "verify";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MattersController_search: {
        parameters: {
            query?: {
                /** @description true: at least one SLA deadline breached */
                breached?: "true" | "false";
                /** @description a category code */
                category?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description a department code: matters it holds or last held */
                department?: string;
                /** @description a district id */
                district?: string;
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                kind?: "hazard" | "appeal" | "suggestion";
                /** @description the rung holding it now */
                level?: "member" | "branch" | "industry_committee" | "two_new_committee";
                limit?: number;
                /** @description by submission time */
                sort?: "asc" | "desc";
                status?: "submitted" | "routed" | "dispatched" | "accepted" | "verified" | "in_progress" | "resolved" | "closed" | "rejected";
                /** @description true: under supervision (督办) */
                supervised?: "true" | "false";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
                /** @description the tracking number, exactly */
                trackingNo?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatesController_rankings: {
        parameters: {
            query: {
                /** @description score: the mean of the defined rates */
                by?: "score" | "responseRate" | "resolutionRate" | "satisfactionRate";
                format?: "json" | "csv";
                groupBy?: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
                /** @description the month, cut at REPORTING_UTC_OFFSET_MINUTES */
                month: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatesController_rates: {
        parameters: {
            query?: {
                /** @description csv for a download (Accept: text/csv works too) */
                format?: "json" | "csv";
                /** @description inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00) */
                from?: string;
                groupBy?: "department" | "level" | "industry" | "district" | "branch" | "committee" | "grid" | "grid_worker";
                /** @description exclusive, ISO-8601; not before from */
                to?: string;
            };
            header?: {
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BreachesController_supervision: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraceController_trace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                grievanceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WorkerPointsController_points: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the worker's id (their token's sub) */
                workerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refused: `message` in English as before, `errors` each problem at its field in the language of Accept-Language (zh-CN by default). */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorBody"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
