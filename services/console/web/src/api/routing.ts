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
    "/v1/directory/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/category-routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_categoryRoutes"];
        put: operations["DirectoryController_putCategoryRoute"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/category-routes/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireCategoryRoute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_departments"];
        put?: never;
        post: operations["DirectoryController_createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/departments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DirectoryController_updateDepartment"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/departments/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/fallback-owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_fallbackOwners"];
        put: operations["DirectoryController_putFallbackOwner"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/fallback-owners/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireFallbackOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/grid-workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_gridWorkers"];
        put?: never;
        post: operations["DirectoryController_createGridWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/grid-workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DirectoryController_updateGridWorker"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/grid-workers/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireGridWorker"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/org-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_orgUnits"];
        put?: never;
        post: operations["DirectoryController_createOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/org-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DirectoryController_updateOrgUnit"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/org-units/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DirectoryController_stations"];
        put?: never;
        post: operations["DirectoryController_createStation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/stations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DirectoryController_updateStation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/directory/stations/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DirectoryController_retireStation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MattersController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/ask-reporter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_askReporter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/assign-department": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_assignDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_returnMatter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/matters/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MattersController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sla/calendars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlaSettingsController_calendars"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sla/calendars/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SlaSettingsController_putCalendar"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sla/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlaSettingsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sla/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlaSettingsController_policies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sla/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["SlaSettingsController_putPolicy"];
        post?: never;
        delete: operations["SlaSettingsController_retirePolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WorkersController_me"];
        put: operations["WorkersController_register"];
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
        AnswerDto: {
            answer: string;
        };
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
        AssignDepartmentDto: {
            departmentCode: string;
            note?: string;
        };
        CalendarsView: {
            items: components["schemas"]["CalendarView"][];
        };
        CalendarView: {
            description?: string;
            /** @description public holidays (YYYY-MM-DD) */
            holidays?: string[];
            /** @example cn-working */
            id: string;
            /**
             * @description calendar: every minute counts; working: only working hours of working days
             * @enum {string}
             */
            kind: "calendar" | "working";
            /** @example Asia/Shanghai */
            timeZone?: string;
            /** @description the version to send back as expectedVersion */
            version: number;
            /** @description ISO weekdays off (1 = Monday … 7 = Sunday) */
            weekend?: number[];
            /** @description make-up working days (调休, YYYY-MM-DD) */
            workdays?: string[];
            workingHours?: components["schemas"]["WorkingHoursView"][];
        };
        CategoryRouteDto: {
            category: string;
            departmentCode: string;
            districtId: string;
            expectedVersion?: number;
        };
        CategoryRoutesView: {
            items: components["schemas"]["CategoryRouteView"][];
        };
        CategoryRouteView: {
            category: string;
            departmentCode: string;
            districtId: string;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        CreateDepartmentDto: {
            code: string;
            name: string;
        };
        CreateGridWorkerDto: {
            /** @enum {string} */
            employment: "full_time" | "part_time";
            expectedVersion?: number;
            gridId: string;
            id: string;
            name: string;
            phone?: string;
            stationId?: string;
            workerId?: string;
        };
        CreateOrgUnitDto: {
            attributes?: {
                [key: string]: unknown;
            };
            expectedVersion?: number;
            id: string;
            /** @enum {string} */
            level: "district" | "street" | "community" | "grid" | "two_new_committee" | "industry_committee" | "branch" | "member";
            name: string;
            parentId?: string;
            polygon?: components["schemas"]["PolygonDto"];
        };
        CreateStationDto: {
            address: string;
            districtId: string;
            expectedVersion?: number;
            hours: string;
            id: string;
            name: string;
            phone?: string;
            staff?: string[];
        };
        DeadlineView: {
            breached: boolean;
            /** Format: date-time */
            dueAt: string | null;
            /** @description in the reader's language (Accept-Language): the time left once the warning fired, the time past once overdue; else null */
            notice: string | null;
            /** @description budget left now in ms (negative once overdue); null while paused without a due moment */
            remainingMs: number | null;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "running" | "paused" | "breached" | "met" | "late" | "cancelled" | "handed_over";
            /** @enum {string} */
            target: "respond" | "resolve" | "accept" | "verify";
            warned: boolean;
        };
        DepartmentsView: {
            items: components["schemas"]["DepartmentView"][];
        };
        DepartmentView: {
            /** @example municipal_works */
            code: string;
            name: string;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        DirectoryCategoriesView: {
            items: components["schemas"]["DirectoryCategoryView"][];
        };
        DirectoryCategoryView: {
            /** @example road_damage */
            code: string;
            defaultDepartment: string | null;
            /** @enum {string|null} */
            kind: "hazard" | "appeal" | "suggestion" | null;
            name: string;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        FallbackOwnerDto: {
            departmentCode: string;
            districtId?: string;
            expectedVersion?: number;
        };
        FallbackOwnersView: {
            items: components["schemas"]["FallbackOwnerView"][];
        };
        FallbackOwnerView: {
            departmentCode: string;
            /** @description null: the city's own fallback owner */
            districtId: string | null;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        GridWorkerEntryView: {
            /** @enum {string} */
            employment: "full_time" | "part_time";
            gridId: string;
            id: string;
            name: string;
            /** @description for admins only */
            phone: string | null;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description 驻点: the station they are posted at */
            stationId: string | null;
            /** @description the version to send back as expectedVersion */
            version: number;
            /** @description a part-time grid worker (兼职网格员) who is a registered rider or courier: their own account id */
            workerId: string | null;
        };
        GridWorkersView: {
            items: components["schemas"]["GridWorkerEntryView"][];
        };
        GrievanceView: {
            /** @description the report's photos */
            attachmentIds: string[];
            /** @description returns (退单) so far */
            bounces: number;
            category: string;
            /** @description the open SLA deadlines of the holder, with the time left (inbox views) */
            deadlines?: components["schemas"]["DeadlineView"][];
            departmentCode: string | null;
            description: string;
            districtId: string | null;
            /** @description routed to the fallback owner: no route matched */
            fallback: boolean;
            gridId: string | null;
            /** Format: uuid */
            grievanceId: string;
            /** @description who must act now */
            holder: components["schemas"]["HolderView"];
            /** @enum {string} */
            kind: "hazard" | "appeal" | "suggestion";
            /**
             * @description appeals: the rung that owns the grievance
             * @enum {string|null}
             */
            level: "member" | "branch" | "industry_committee" | "two_new_committee" | null;
            location: components["schemas"]["LocationView"] | null;
            /** @description appeals: the rung that owns it (stays the owner while a department it asked acts) */
            owner: components["schemas"]["HolderView"] | null;
            /** @description what the holder says was done */
            resolution: string | null;
            /** @enum {string} */
            status: "routed" | "assigned" | "in_progress" | "resolved" | "rejected" | "linked" | "closed";
            /** Format: date-time */
            submittedAt: string;
            title: string;
            /** @example NC-20261203-000042 */
            trackingNo: string;
            /** @description under supervision (督办) */
            underSupervision: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            urgency: "normal" | "urgent";
        };
        HolderView: {
            id: string;
            /**
             * @description the rung of the escalation chain, when the holder is one
             * @enum {string}
             */
            level?: "member" | "branch" | "industry_committee" | "two_new_committee";
            name: string;
            /** @enum {string} */
            type: "grid_worker" | "member" | "org_unit" | "department";
        };
        InboxView: {
            items: components["schemas"]["GrievanceView"][];
        };
        LocationView: {
            address?: string;
            lat: number;
            lng: number;
        };
        OrgUnitsView: {
            items: components["schemas"]["OrgUnitView"][];
        };
        OrgUnitView: {
            /** @description a branch: its committee's fallback branch (兜底) */
            fallback?: boolean | null;
            id: string;
            /** @description an industry committee's industry */
            industry?: string | null;
            /** @enum {string} */
            level: "district" | "street" | "community" | "grid" | "two_new_committee" | "industry_committee" | "branch" | "member";
            name: string;
            /** @description an industry committee's occupations */
            occupations?: ("rider" | "courier" | "ride_hailing_driver" | "truck_driver" | "livestreamer" | "domestic_worker" | "online_writer")[] | null;
            parentId: string | null;
            /** @description a grid's boundary (a district's, when drawn) */
            polygon?: components["schemas"]["PolygonView"];
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description a district's supervising office (督办) */
            supervisingOffice?: string | null;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        PoliciesView: {
            items: components["schemas"]["PolicyView"][];
        };
        PolicyMatchView: {
            /** @description one category code or several */
            category?: string | string[];
            /** @enum {string} */
            kind?: "hazard" | "appeal" | "suggestion";
            /** @description the rung of the escalation chain (member, branch, …) or a ticket stage (grid, department) */
            stage?: string;
            /** @enum {string} */
            urgency?: "normal" | "urgent";
        };
        PolicyTargetsView: {
            accept?: number | string;
            resolve?: number | string;
            respond?: number | string;
            verify?: number | string;
        };
        PolicyView: {
            /**
             * @description the calendar the budget is counted in
             * @example cn-working
             */
            calendar: string;
            description?: string;
            /** @example appeal.member */
            id: string;
            match: components["schemas"]["PolicyMatchView"];
            /** @description overrides specificity: a higher priority wins first; default 0 */
            priority?: number;
            targets: components["schemas"]["PolicyTargetsView"];
            /** @description the version to send back as expectedVersion */
            version: number;
            /** @description share of the budget at which the warning fires, in (0, 1]; default 0.8 */
            warnShare?: number;
        };
        PolygonDto: {
            coordinates: unknown;
            /** @enum {string} */
            type: "Polygon";
        };
        PolygonView: {
            /** @description the rings, each a list of [lng, lat] */
            coordinates: number[][][];
            /** @enum {string} */
            type: "Polygon";
        };
        PutCalendarDto: {
            description?: string;
            expectedVersion?: number;
            holidays?: string[];
            /** @enum {string} */
            kind: "calendar" | "working";
            reason?: string;
            timeZone?: string;
            weekend?: number[];
            workdays?: string[];
            workingHours?: components["schemas"]["WorkingHoursDto"][];
        };
        PutPolicyDto: {
            calendar: string;
            description?: string;
            expectedVersion?: number;
            match: {
                [key: string]: unknown;
            };
            priority?: number;
            reason?: string;
            targets: {
                [key: string]: unknown;
            };
            warnShare?: number;
        };
        QuestionDto: {
            question: string;
        };
        ReasonDto: {
            reason: string;
        };
        RegisterWorkerDto: {
            branchId?: string;
            /** @enum {string} */
            language?: "zh-CN" | "en";
            /** @enum {string} */
            occupation: "rider" | "courier" | "ride_hailing_driver" | "truck_driver" | "livestreamer" | "domestic_worker" | "online_writer";
            platform?: string;
        };
        ResolveGrievanceDto: {
            attachmentIds?: string[];
            resolution: string;
        };
        RetireDto: {
            /** @description the version last read */
            expectedVersion?: number;
        };
        RetireFallbackOwnerDto: {
            districtId: string;
            expectedVersion?: number;
        };
        RetirePolicyDto: {
            /** @description the version last read */
            expectedVersion?: number;
            /** @description why, kept in the settings' history */
            reason?: string;
        };
        RetireRouteDto: {
            category: string;
            districtId: string;
            expectedVersion?: number;
        };
        ReturnDto: {
            attachmentIds?: string[];
            reason: string;
        };
        SettingsChangeView: {
            /** @enum {string} */
            action: "seed" | "put" | "retire";
            /** @description who changed it */
            actor: string;
            /** @description the policy or calendar after the change (null: retired) */
            after: {
                [key: string]: unknown;
            } | null;
            /** @description the policy or calendar before the change (null: new) */
            before: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            changedAt: string;
            id: string;
            /** @enum {string} */
            kind: "policy" | "calendar";
            reason: string | null;
            version: number;
        };
        SettingsHistoryView: {
            items: components["schemas"]["SettingsChangeView"][];
        };
        StationsView: {
            items: components["schemas"]["StationView"][];
        };
        StationView: {
            address: string;
            districtId: string;
            /** @description opening hours */
            hours: string;
            id: string;
            name: string;
            phone: string | null;
            /** @description retired entries are history, not used for new work */
            retired: boolean;
            /** @description who staffs it (names) */
            staff: string[] | null;
            /** @description the version to send back as expectedVersion */
            version: number;
        };
        TransferDto: {
            departmentCode: string;
            reason: string;
        };
        UpdateDepartmentDto: {
            expectedVersion?: number;
            name: string;
        };
        UpdateGridWorkerDto: {
            /** @enum {string} */
            employment: "full_time" | "part_time";
            expectedVersion?: number;
            gridId: string;
            name: string;
            phone?: string;
            stationId?: string;
            workerId?: string;
        };
        UpdateOrgUnitDto: {
            attributes?: {
                [key: string]: unknown;
            };
            expectedVersion?: number;
            name: string;
            parentId?: string;
            polygon?: components["schemas"]["PolygonDto"];
        };
        UpdateStationDto: {
            address: string;
            districtId: string;
            expectedVersion?: number;
            hours: string;
            name: string;
            phone?: string;
            staff?: string[];
        };
        WorkerRegistrationView: {
            /** @description the branch the worker registered with (扫码报到), if any */
            branchId: string | null;
            /** @description where the worker's appeals start: their branch, else the fallback branch of their occupation's committee (兜底) */
            effectiveBranchId: string | null;
            /**
             * @description the language their notifications are written in; null: as each submission's Accept-Language asks (Chinese without one)
             * @enum {string|null}
             */
            language: "zh-CN" | "en" | null;
            /** @enum {string} */
            occupation: "rider" | "courier" | "ride_hailing_driver" | "truck_driver" | "livestreamer" | "domestic_worker" | "online_writer";
            /** @description the platform they work for */
            platform: string | null;
            /** @description true: GET answers 404 before the worker registered */
            registered: boolean;
            workerId: string;
        };
        WorkingHoursDto: {
            from: string;
            to: string;
        };
        WorkingHoursView: {
            /** @example 09:00 */
            from: string;
            /** @example 12:00 */
            to: string;
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
    DirectoryController_categories: {
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
                    "application/json": components["schemas"]["DirectoryCategoriesView"];
                };
            };
        };
    };
    DirectoryController_categoryRoutes: {
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
                    "application/json": components["schemas"]["CategoryRoutesView"];
                };
            };
        };
    };
    DirectoryController_putCategoryRoute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CategoryRouteDto"];
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
                    "application/json": components["schemas"]["CategoryRouteView"];
                };
            };
        };
    };
    DirectoryController_retireCategoryRoute: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireRouteDto"];
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
                    "application/json": components["schemas"]["CategoryRouteView"];
                };
            };
        };
    };
    DirectoryController_departments: {
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
                    "application/json": components["schemas"]["DepartmentsView"];
                };
            };
        };
    };
    DirectoryController_createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDepartmentDto"];
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
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
        };
    };
    DirectoryController_updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the department's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDepartmentDto"];
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
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
        };
    };
    DirectoryController_retireDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the department's code */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireDto"];
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
                    "application/json": components["schemas"]["DepartmentView"];
                };
            };
        };
    };
    DirectoryController_fallbackOwners: {
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
                    "application/json": components["schemas"]["FallbackOwnersView"];
                };
            };
        };
    };
    DirectoryController_putFallbackOwner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FallbackOwnerDto"];
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
                    "application/json": components["schemas"]["FallbackOwnerView"];
                };
            };
        };
    };
    DirectoryController_retireFallbackOwner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireFallbackOwnerDto"];
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
                    "application/json": components["schemas"]["FallbackOwnerView"];
                };
            };
        };
    };
    DirectoryController_gridWorkers: {
        parameters: {
            query?: {
                /** @description only the workers of this grid */
                gridId?: string;
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
                    "application/json": components["schemas"]["GridWorkersView"];
                };
            };
        };
    };
    DirectoryController_createGridWorker: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGridWorkerDto"];
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
                    "application/json": components["schemas"]["GridWorkerEntryView"];
                };
            };
        };
    };
    DirectoryController_updateGridWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGridWorkerDto"];
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
                    "application/json": components["schemas"]["GridWorkerEntryView"];
                };
            };
        };
    };
    DirectoryController_retireGridWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireDto"];
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
                    "application/json": components["schemas"]["GridWorkerEntryView"];
                };
            };
        };
    };
    DirectoryController_orgUnits: {
        parameters: {
            query?: {
                level?: "district" | "street" | "community" | "grid" | "two_new_committee" | "industry_committee" | "branch" | "member";
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
                    "application/json": components["schemas"]["OrgUnitsView"];
                };
            };
        };
    };
    DirectoryController_createOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgUnitDto"];
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
                    "application/json": components["schemas"]["OrgUnitView"];
                };
            };
        };
    };
    DirectoryController_updateOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrgUnitDto"];
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
                    "application/json": components["schemas"]["OrgUnitView"];
                };
            };
        };
    };
    DirectoryController_retireOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireDto"];
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
                    "application/json": components["schemas"]["OrgUnitView"];
                };
            };
        };
    };
    DirectoryController_stations: {
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
                    "application/json": components["schemas"]["StationsView"];
                };
            };
        };
    };
    DirectoryController_createStation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStationDto"];
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
                    "application/json": components["schemas"]["StationView"];
                };
            };
        };
    };
    DirectoryController_updateStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStationDto"];
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
                    "application/json": components["schemas"]["StationView"];
                };
            };
        };
    };
    DirectoryController_retireStation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the entry's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetireDto"];
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
                    "application/json": components["schemas"]["StationView"];
                };
            };
        };
    };
    MattersController_inbox: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxView"];
                };
            };
        };
    };
    MattersController_accept: {
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_acknowledge: {
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_askReporter: {
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
                "application/json": components["schemas"]["QuestionDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_assignDepartment: {
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
                "application/json": components["schemas"]["AssignDepartmentDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_escalate: {
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
                "application/json": components["schemas"]["ReasonDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_resolve: {
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
                "application/json": components["schemas"]["ResolveGrievanceDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_resume: {
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
                "application/json": components["schemas"]["AnswerDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_returnMatter: {
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
                "application/json": components["schemas"]["ReturnDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    MattersController_transfer: {
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
                "application/json": components["schemas"]["TransferDto"];
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
                    "application/json": components["schemas"]["GrievanceView"];
                };
            };
        };
    };
    SlaSettingsController_calendars: {
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
                    "application/json": components["schemas"]["CalendarsView"];
                };
            };
        };
    };
    SlaSettingsController_putCalendar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the policy's or calendar's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutCalendarDto"];
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
                    "application/json": components["schemas"]["CalendarView"];
                };
            };
        };
    };
    SlaSettingsController_history: {
        parameters: {
            query?: {
                /** @description a policy or calendar id */
                id?: string;
                kind?: "policy" | "calendar";
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
                content: {
                    "application/json": components["schemas"]["SettingsHistoryView"];
                };
            };
        };
    };
    SlaSettingsController_policies: {
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
                    "application/json": components["schemas"]["PoliciesView"];
                };
            };
        };
    };
    SlaSettingsController_putPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the policy's or calendar's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutPolicyDto"];
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
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
        };
    };
    SlaSettingsController_retirePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the policy's or calendar's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetirePolicyDto"];
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WorkersController_me: {
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
                    "application/json": components["schemas"]["WorkerRegistrationView"];
                };
            };
        };
    };
    WorkersController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWorkerDto"];
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
                    "application/json": components["schemas"]["WorkerRegistrationView"];
                };
            };
        };
    };
}
