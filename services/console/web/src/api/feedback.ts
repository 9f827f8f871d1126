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
    "/v1/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["BenefitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/benefits/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BenefitsController_decideBenefit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grievances/{id}/contest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ContestController_contest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grievances/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RatingController_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BenefitsController_applyForBenefit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PointsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PointsController_redeemItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffNotificationsController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff-notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffNotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff-notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffNotificationsController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/{id}/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StationsController_catalogueOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StationsController_addItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/catalogue/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["StationsController_updateItem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StationsController_redemptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/redemptions/{id}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StationsController_handOverRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stations/me/volunteering": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StationsController_award"];
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
        ApplyForBenefitDto: {
            /** @enum {string} */
            kind: "school" | "medical" | "job" | "childcare" | "network";
            note?: string;
        };
        BenefitApplicationView: {
            /** @description the balance when the worker applied (applying spends nothing) */
            balance: number;
            /** @description the industry committee that decides */
            committeeId: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            decidedAt?: string;
            decisionReason?: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "school" | "medical" | "job" | "childcare" | "network";
            note?: string;
            /** @enum {string} */
            state: "pending" | "approved" | "refused";
            workerId: string;
        };
        CatalogueItemChangeDto: {
            cost?: number;
            /** @enum {string} */
            kind?: "prize" | "wish";
            name?: string;
            stock?: number;
        };
        CatalogueItemView: {
            cost: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "prize" | "wish";
            name: string;
            stationId: string;
            stock: number;
            /** Format: date-time */
            updatedAt: string;
        };
        CatalogueView: {
            items: components["schemas"]["CatalogueItemView"][];
            stationId: string;
        };
        ContestVerdictDto: {
            reason: string;
        };
        ContestVerdictResponse: {
            /** Format: date-time */
            contestedAt: string;
            /** Format: uuid */
            grievanceId: string;
            /**
             * @description open again, waiting for another grid worker to check it on site
             * @enum {string}
             */
            status: "routed";
        };
        DecideBenefitDto: {
            /** @enum {string} */
            decision: "approved" | "refused";
            reason: string;
        };
        MarkReadBody: {
            /** Format: uuid */
            upTo: string;
        };
        MarkReadResult: {
            /** @description how many notifications this call marked read */
            marked: number;
            /** @description how many are still unread */
            unread: number;
        };
        NewCatalogueItemDto: {
            cost: number;
            /** @enum {string} */
            kind: "prize" | "wish";
            name: string;
            stock: number;
        };
        NotificationPage: {
            /** @description newest first */
            items: components["schemas"]["NotificationView"][];
        };
        NotificationView: {
            /** Format: date-time */
            createdAt: string;
            /**
             * @description the event it tells of
             * @example grievance.resolved.v1
             */
            eventType: string;
            /** Format: uuid */
            grievanceId: string;
            /** Format: uuid */
            id: string;
            /** @description in the Accept-Language, else the language the reporter reads, else Chinese */
            message: string;
            read: boolean;
        };
        PointsEntryView: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description the grievance a verified report earned it for
             */
            grievanceId?: string;
            /** Format: uuid */
            id: string;
            /** @description what a volunteer did, in the station staff's words */
            note?: string;
            /** @description positive when earned, negative when spent */
            points: number;
            /** @description verified_report, verified_co_report, volunteering or redemption */
            reason: string;
            /** Format: uuid */
            redemptionId?: string;
            /** @description the station of a volunteering award or a redemption */
            stationId?: string;
        };
        PointsView: {
            /** Format: uuid */
            accountId: string;
            balance: number;
            benefits: components["schemas"]["BenefitApplicationView"][];
            entries: components["schemas"]["PointsEntryView"][];
            redemptions: components["schemas"]["RedemptionView"][];
        };
        RateGrievanceDto: {
            comment?: string;
            /** @enum {string} */
            rating: "satisfied" | "basically_satisfied" | "unsatisfied";
        };
        RedeemDto: {
            /** Format: uuid */
            itemId: string;
            stationId: string;
        };
        RedemptionView: {
            /** @description the worker's balance right after the debit */
            balanceAfter: number;
            /** @description points spent */
            cost: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            handedOverAt?: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            itemId: string;
            itemName: string;
            /** @enum {string} */
            kind: "prize" | "wish";
            /** @enum {string} */
            state: "awaiting_hand_over" | "handed_over";
            stationId: string;
            workerId: string;
        };
        StaffNotificationPage: {
            /** @description newest first */
            items: components["schemas"]["StaffNotificationView"][];
            /**
             * Format: uuid
             * @description pass as `before` for the next (older) page; absent on the last one
             */
            nextBefore?: string;
            /** @description how many of the caller’s notifications are unread (all, not only this page) */
            unread: number;
        };
        StaffNotificationView: {
            /** @description the event that made it, e.g. sla.warned */
            eventType: string;
            /** Format: uuid */
            grievanceId: string;
            /** Format: uuid */
            id: string;
            /** @description in the language asked for (Accept-Language), else Chinese */
            message: string;
            /**
             * Format: date-time
             * @description when the event occurred
             */
            occurredAt: string;
            read: boolean;
        };
        VolunteeringAwardView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            entryId: string;
            points: number;
            reason: string;
            /** @description what is left of the worker's daily cap after this award */
            remainingToday: number;
            stationId: string;
            workerId: string;
        };
        VolunteeringDto: {
            points: number;
            reason: string;
            workerId: string;
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
    BenefitsController_list: {
        parameters: {
            query?: {
                state?: "pending" | "approved" | "refused";
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
                content: {
                    "application/json": components["schemas"]["BenefitApplicationView"][];
                };
            };
        };
    };
    BenefitsController_decideBenefit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecideBenefitDto"];
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
                    "application/json": components["schemas"]["BenefitApplicationView"];
                };
            };
            /** @description already decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContestController_contest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContestVerdictDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContestVerdictResponse"];
                };
            };
            /** @description already contested once, or not a hazard closed on a grid worker’s invalid verdict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the contest window has passed (details.contestBy) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RatingController_rate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RateGrievanceDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                limit?: number;
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
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
        };
    };
    BenefitsController_applyForBenefit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplyForBenefitDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitApplicationView"];
                };
            };
            /** @description an application of this kind is already pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description details.reason belowThreshold (details.threshold, details.balance) or notRegistered */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PointsController_mine: {
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
                    "application/json": components["schemas"]["PointsView"];
                };
            };
        };
    };
    PointsController_redeemItem: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
                /** @description 1 to 128 letters, digits, dots, dashes, underscores or colons */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionView"];
                };
            };
            /** @description details.reason: insufficientPoints or outOfStock; nothing written */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffNotificationsController_page: {
        parameters: {
            query?: {
                /** @description the nextBefore of the previous page: only older notifications */
                before?: string;
                limit?: number;
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
                content: {
                    "application/json": components["schemas"]["StaffNotificationPage"];
                };
            };
        };
    };
    StaffNotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadBody"];
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
                    "application/json": components["schemas"]["MarkReadResult"];
                };
            };
        };
    };
    StaffNotificationsController_events: {
        parameters: {
            query?: never;
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
            /** @description a stream of `notification` events */
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
    StationsController_catalogueOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": components["schemas"]["CatalogueView"];
                };
            };
        };
    };
    StationsController_addItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCatalogueItemDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogueItemView"];
                };
            };
        };
    };
    StationsController_updateItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CatalogueItemChangeDto"];
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
                    "application/json": components["schemas"]["CatalogueItemView"];
                };
            };
        };
    };
    StationsController_redemptions: {
        parameters: {
            query?: {
                state?: "awaiting_hand_over" | "handed_over";
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
                content: {
                    "application/json": components["schemas"]["RedemptionView"][];
                };
            };
        };
    };
    StationsController_handOverRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
                    "application/json": components["schemas"]["RedemptionView"];
                };
            };
            /** @description already handed over */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StationsController_award: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
                /** @description 1 to 128 letters, digits, dots, dashes, underscores or colons; the same key again at this station answers the same award and pays nothing more */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VolunteeringDto"];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteeringAwardView"];
                };
            };
            /** @description past the daily cap (details.cap, details.remaining), or the Idempotency-Key was used for another award; nothing written */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
