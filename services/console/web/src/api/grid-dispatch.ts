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
    "/v1/grid-workers/me/duty": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_currentDuty"];
        put: operations["DirectoryController_duty"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_grids"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grids/{id}/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_workers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TicketsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketStreamController_events"];
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
        DutyBody: {
            onDuty: boolean;
        };
        DutyView: {
            /** @description The grid they cover. */
            gridId: string;
            /** @description The grid worker id. */
            id: string;
            /** @description On duty: tickets of their grid (and, when nobody nearer is, of their community and street) come to them. */
            onDuty: boolean;
        };
        GridView: {
            communityId: string | null;
            communityName: string | null;
            districtId: string | null;
            id: string;
            name: string;
            polygon: components["schemas"]["PolygonView"];
            streetId: string | null;
        };
        LocationView: {
            address?: string;
            lat: number;
            lng: number;
        };
        PolygonView: {
            /** @description the rings, each a list of [lng, lat] */
            coordinates: number[][][];
            /** @enum {string} */
            type: "Polygon";
        };
        PositionBody: {
            lat: number;
            lng: number;
        };
        TicketReportView: {
            /** @description the category the check found (a corrected one), else the reporter's */
            category: string;
            location: components["schemas"]["LocationView"] | null;
            title: string;
            /** @example NC-20261203-000042 */
            trackingNo: string;
        };
        TicketView: {
            /**
             * Format: date-time
             * @description by when the grid worker must accept
             */
            acceptBy: string | null;
            /** Format: date-time */
            acceptedAt: string | null;
            /** @description the dispatch attempt: 1 the first, one more each time it went to another grid worker */
            attempt: number;
            /** Format: date-time */
            dispatchedAt: string | null;
            gridId: string;
            gridWorkerId: string | null;
            /** Format: uuid */
            grievanceId: string;
            /** Format: uuid */
            id: string;
            /** @description null until intake's report reached dispatch */
            report: components["schemas"]["TicketReportView"] | null;
            /** @enum {string} */
            status: "undispatched" | "dispatched" | "accepted" | "verified";
            /** @enum {string|null} */
            verdict: "confirmed" | "invalid" | "duplicate" | null;
            /** Format: date-time */
            verifiedAt: string | null;
        };
        VerifyBody: {
            attachmentIds?: string[];
            correctedCategory?: string;
            correctedDepartment?: string;
            /** Format: uuid */
            duplicateOf?: string;
            note: string;
            position: components["schemas"]["PositionBody"];
            /** @enum {string} */
            verdict: "confirmed" | "invalid" | "duplicate";
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
    DirectoryController_currentDuty: {
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
                content: {
                    "application/json": components["schemas"]["DutyView"];
                };
            };
        };
    };
    DirectoryController_duty: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DutyBody"];
            };
        };
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
                content: {
                    "application/json": components["schemas"]["DutyView"];
                };
            };
        };
    };
    DirectoryController_grids: {
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
                content: {
                    "application/json": components["schemas"]["GridView"][];
                };
            };
        };
    };
    DirectoryController_workers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the grid's id */
                id: string;
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
    TicketsController_list: {
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
                content: {
                    "application/json": components["schemas"]["TicketView"][];
                };
            };
        };
    };
    TicketsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the ticket's id */
                id: string;
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
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
        };
    };
    TicketsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the ticket's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyBody"];
            };
        };
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
                content: {
                    "application/json": components["schemas"]["TicketView"];
                };
            };
        };
    };
    TicketStreamController_events: {
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
            /** @description a stream of `ticket` events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
        };
    };
}
