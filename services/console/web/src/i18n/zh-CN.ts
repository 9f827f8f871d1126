/** 简体中文 (the default). Every string the console shows comes from here or from en.ts. */
const zhCN = {
  app: { title: '诉求直通', subtitle: '新就业群体诉求直通', language: 'English', signOut: '退出', loading: '加载中…', error: '出错了', retry: '重试', signedInAs: '当前身份：{{name}}', notBuilt: '此角色的工作台尚未开放' },
  signIn: {
    title: '选择演示身份登录', hint: '开发环境：以下身份来自演示城市，服务器为所选身份签发令牌。', search: '搜索身份', signIn: '登录', production: '通过统一身份认证登录', failed: '登录失败，请重试', expired: '登录已过期，请重新登录',
    group: { station_staff: '驿站工作人员', worker: '新就业劳动者', grid_worker: '网格员', department: '职能部门', member: '联络党员', branch: '支部书记', industry_committee: '行业综合党委', two_new_committee: '两新工委', auditor: '审计', admin: '管理员' },
  },
  role: { station_staff: '驿站工作人员', system: '系统', worker: '劳动者', grid_worker: '网格员', department: '职能部门', member: '联络党员', branch: '支部', industry_committee: '行业综合党委', two_new_committee: '两新工委', auditor: '审计', admin: '管理员' },
  rider: {
    tabs: { report: '随手拍', appeal: '我要诉求', grievances: '我的事项', points: '我的积分' },
    report: {
      title: '随手拍：报告隐患', photo: '照片', photoHint: '拍照或从相册选择（JPEG、PNG、WebP，最大 10 MB）', uploading: '上传中 {{percent}}%', uploaded: '已上传 {{count}} 张照片', removePhoto: '移除照片',
      place: '位置', useMyPosition: '使用当前位置', locating: '正在定位…', tapMap: '在地图上点选位置', placeChosen: '已选位置：{{latitude}}, {{longitude}}', noPlace: '尚未选择位置', address: '地址（可选）',
      category: '类别', urgency: '紧急程度', urgent: '紧急', normal: '一般', headline: '标题', description: '描述', submit: '提交', submitted: '已提交，受理编号 {{trackingNo}}',
    },
    appeal: {
      title: '我要诉求', register: '先登记职业和所属支部（扫码报到）', occupation: '职业', branch: '所属支部', platform: '平台（可选）', registerButton: '登记', registered: '已登记：{{occupation}} · {{branch}}', changeRegistration: '修改登记',
      fromQr: '已通过二维码预填支部', category: '诉求类别', headline: '标题', description: '详细情况', submit: '提交诉求', submitted: '已提交，受理编号 {{trackingNo}}',
    },
    grievances: { title: '我的事项', empty: '还没有事项', timeline: '办理进度', rate: '评价', rating: '满意度', comment: '留言（可选）', sendRating: '提交评价', rated: '感谢您的评价', underSupervision: '督办中', asked: '办理人向您询问', reply: '回复', replyLabel: '您的回复',
      joined: '已并入 {{trackingNo}}', joinedHint: '附近已有人报告同一隐患，您的报告于 {{time}} 并入该事项，随它一起办理。', originalStatus: '该事项状态', originalTimeline: '该事项的办理进度',
      resolution: '办理结果', resolvedBy: '{{holder}} · {{time}}', fixPhotos: '整改照片', fixPhoto: '整改照片 {{n}}', photoFailed: '照片加载失败',
      contest: {
        open: '申请复核', hint: '网格员现场核查认为不属实。如果隐患仍在，您可以申请复核一次，将另派网格员核查。', reason: '复核理由', reasonHint: '隐患还在哪里、是什么情况', send: '提交复核申请', cancel: '取消',
        sent: '已申请复核，将另派网格员核查',
      },
    },
    points: { title: '我的积分', balance: '积分余额', history: '积分记录', empty: '还没有积分记录', reason: { verified_report: '举报经核实属实', verified_co_report: '共同举报的隐患经核实属实', volunteering: '志愿服务', redemption: '积分兑换' } },
  },
  grid: {
    onDuty: '在岗', offDuty: '离岗', dutyLabel: '在岗状态', inbox: '待办工单', done: '已办结', empty: '暂无工单', live: '实时更新',
    accept: '签收', verify: '现场核查', verdict: '核查结论', confirmed: '属实', invalid: '不属实', duplicate: '重复', note: '核查说明', photo: '现场照片', position: '我的位置', locate: '获取当前位置',
    distance: '距上报地点 {{metres}} 米', tooFar: '距上报地点 {{metres}} 米，超过 {{limit}} 米，无法确认属实', send: '提交核查', duplicateOf: '重复事项编号（UUID）', verified: '已核查', accepted: '已签收', correctedCategory: '更正类别（可选）', correctedCategoryHint: '现场所见与上报类别不符时选择；事项将转给该类别的责任部门',
    ticketStatus: { dispatched: '待签收', accepted: '待核查', verified: '已核查', undispatched: '待派发', reassigned: '已改派' },
  },
  department: {
    queue: '部门待办', status: '状态', overdue: '仅看超时', category: '类别', district: '区县', all: '全部', accept: '受理', resolve: '办结', resolution: '办理结果', photos: '办结照片', send: '提交办结',
    detail: '事项详情', reporterPhotos: '上报照片', empty: '暂无事项', exportCsv: '导出 CSV', submittedAt: '上报时间', deadline: '时限',
    grievanceStatus: { assigned: '待受理', in_progress: '办理中', resolved: '已办结', closed: '已关闭', reopened: '重新办理' },
  },
  chain: {
    inbox: '诉求待办', supervisedOnly: '仅看督办', acknowledge: '签收', send: '提交', department: '职能部门',
    action: { resolve: '办结', escalate: '上报上一级', return: '退回下一级', 'assign-department': '交办职能部门', 'ask-reporter': '向诉求人询问' },
    field: { resolution: '办理结果', reason: '理由', note: '交办说明（可选）', question: '问题' },
    status: { routed: '待签收', assigned: '已交办部门', in_progress: '办理中', resolved: '已办结', closed: '已关闭' },
  },
  audit: {
    search: '查找事项', rankings: '月度排名', assessments: '年度考核', rank: '名次', month: '月份', monthInvalid: '请填写月份（YYYY-MM）', year: '年度', unitLabel: '考核对象', rankByLabel: '排名依据', downloadAssessment: '下载年度考核表（CSV）',
    rankBy: { score: '综合得分', responseRate: '响应率', resolutionRate: '办结率', satisfactionRate: '满意率' }, breachesColumn: '超时次数', submittedAt: '提交时间', flags: '标记', breachCount: '超时 {{count}} 次',
    previousPage: '上一页', nextPage: '下一页', openTrace: '查看 {{ref}} 的轨迹', slaMet: '全程未超时', slaMissed: '有环节超时',
    filter: { trackingNo: '受理编号', kind: '类型', status: '状态', level: '层级', category: '分类代码', district: '区县', department: '部门代码', from: '起始日', to: '截止日', breached: '有超时', supervised: '督办中', search: '查找', none: '没有符合条件的事项' },
    chart: { noValue: '无数据', rates: '按{{group}}统计的三率', ranking: '{{month}} 按{{group}}的{{by}}排名', assessment: '{{year}} 年度{{unit}}考核得分（满分 100）' },
    clock: { title: '各责任方的时限', legend: '灰色为时限，彩色为实际用时（绿：按时，橙：逾期完成，红：超时未办，灰：已移交或事项已结束，蓝：进行中），虚线为截止时间，橙色竖线为 80% 预警（点线为计划预警时间、未到即办完），斜纹为向诉求人询问期间。每个时限自开始起计，按时办完的也画出。', row: '{{holder}}·{{target}}：时限 {{budget}}，{{outcome}}，用时 {{took}}' },
    outcome: { met: '按时完成', late: '逾期完成', breached: '超时未办', stopped: '未办即移交或结束', open: '进行中' },
    title: '审计', trace: '事项轨迹', rates: '三率', breaches: '超时记录', grievanceId: '事项 ID', find: '查询', grievanceRef: '事项 ID 或受理编号', noSuchTrackingNo: '没有受理编号为 {{trackingNo}} 的事项',
    verified: '哈希链校验通过（{{length}} 个事件）', broken: '哈希链在第 {{index}} 个事件处断开', groupBy: '统计维度', received: '受理数', responseRate: '响应率', resolutionRate: '办结率', satisfactionRate: '满意率',
    group: { department: '部门', level: '层级', industry: '行业', district: '区县', branch: '支部', committee: '行业综合党委', grid: '网格', grid_worker: '网格员' }, holder: '责任方', budget: '时限', firedAt: '超时时间',
    event: {
      'grievance.submitted.v1': '劳动者提交事项', 'grievance.routed.v1': '事项已分派', 'grievance.escalated.v1': '上报上一级', 'grievance.returned.v1': '退回下一级',
      'grievance.supervised.v1': '两新工委督办', 'grievance.department-returned.v1': '部门退回（非本部门职责）', 'grievance.transferred.v1': '部门转办',
      'grievance.paused.v1': '办理人向诉求人询问', 'grievance.replied.v1': '诉求人已回复', 'ticket.dispatched.v1': '派给网格员', 'ticket.accepted.v1': '网格员签收',
      'ticket.verified.v1': '网格员现场核查', 'grievance.assigned.v1': '交职能部门办理', 'grievance.accepted.v1': '办理方受理', 'grievance.rejected.v1': '核查不属实，未予受理',
      'grievance.linked.v1': '与附近相同事项合并', 'grievance.resolved.v1': '办理方办结', 'feedback.rated.v1': '诉求人评价', 'grievance.reopened.v1': '重新办理', 'grievance.closed.v1': '事项关闭',
      'grievance.contested.v1': '诉求人申请复核', 'grievance.referred-to-supervision.v1': '转区督查督办室督办', 'sla.started.v1': '时限开始计时', 'sla.warned.v1': '时限预警（已用 80%）', 'sla.breached.v1': '超过时限',
      'sla.policy-changed.v1': '时限规则变更', 'points.awarded.v1': '劳动者获得积分', 'points.redeemed.v1': '劳动者兑换积分', 'points.handed-over.v1': '驿站交付兑换物品',
      'worker.registered.v1': '劳动者注册', 'benefit.applied.v1': '劳动者申请权益', 'benefit.decided.v1': '行业综合党委审批权益申请', 'directory.entry-changed.v1': '名录条目变更',
    },
  },
  kind: { hazard: '隐患', appeal: '诉求', suggestion: '建言' },
  station: {
    tabs: { log: '登记代办', list: '本站代办' },
    form: {
      title: '为来站劳动者登记诉求', workerId: '劳动者编号', workerIdHint: '劳动者在本系统的账号编号', workerPhone: '回访电话（可选）', category: '诉求类别', headline: '标题', description: '详细情况',
      consentMethod: '同意方式', consentGiven: '劳动者本人已同意由驿站代为登记', submit: '登记', logged: '已登记，受理编号 {{trackingNo}}；事项归劳动者本人，其手机上可查看和评价',
    },
    consent: { verbal: '口头同意', signature: '签字同意', sms: '短信确认' },
    list: { title: '{{station}}登记的代办事项', empty: '本站还没有代办事项', worker: '劳动者 {{worker}} · 电话 {{phone}}', noPhone: '未留', logged: '{{time}} 由 {{staff}} 登记 · {{consent}}' },
  },
  points: {
    redeem: { title: '积分兑换', station: '兑换驿站', choose: '请选择驿站', empty: '该驿站暂无可兑换的物品', cost: '{{cost}} 积分', stock: '剩余 {{stock}} 件', soldOut: '已兑完', short: '积分不足', button: '兑换', redeemed: '已兑换「{{name}}」，请到驿站领取；余额 {{balance}}' },
    kind: { prize: '奖品', wish: '微心愿' },
    redemptions: { title: '我的兑换', empty: '还没有兑换', state: { awaiting_hand_over: '待领取', handed_over: '已领取' } },
    benefits: {
      title: '五入积分申请', kind: '申请事项', note: '说明（可选）', apply: '提交申请', applied: '已提交，等待行业综合党委审核', empty: '还没有申请',
      kinds: { school: '入学（子女就学）', medical: '入医（就医）', job: '入职（就业）', childcare: '入托（托育）', network: '入网（网络服务）' },
      state: { pending: '待审核', approved: '已同意', refused: '未同意' }, decided: '{{state}}：{{reason}}',
    },
    station: {
      tabs: { points: '积分服务', handOver: '兑换领取', catalogue: '积分商品', volunteering: '志愿积分' },
      handOver: { empty: '没有待领取的兑换', button: '确认已领取', who: '劳动者 {{worker}} · {{time}}', done: '已确认领取' },
      catalogue: { add: '新增物品', name: '名称', kind: '类型', cost: '所需积分', stock: '库存', save: '保存', saved: '已保存「{{name}}」', empty: '还没有物品' },
      volunteering: { workerId: '劳动者编号', points: '积分', reason: '志愿服务内容', award: '发放积分', awarded: '已发放 {{points}} 积分，该劳动者今日还可获得 {{remaining}} 分' },
    },
    decisions: { tab: '五入申请', empty: '没有待审核的申请', worker: '劳动者 {{worker}} · 积分 {{balance}} · {{time}}', reason: '理由', approve: '同意', refuse: '不同意', decided: '已处理' },
  },
  deadline: { target: { respond: '响应', resolve: '办结', accept: '签收', verify: '核查' }, left: '剩余 {{time}}', overdue: '已超时 {{time}}', paused: '已暂停', none: '无时限' },
  status: {
    submitted: '已提交', routed: '已分派', dispatched: '已派给网格员', accepted: '已受理', verified: '网格员已核实', in_progress: '部门办理中', resolved: '已办结', closed: '已关闭', rejected: '未予受理',
  },
  history: {
    'grievance.submitted.v1': '您提交了事项', 'grievance.routed.v1': '事项已分派', 'grievance.linked.v1': '与附近相同事项合并', 'ticket.dispatched.v1': '已派给网格员', 'ticket.accepted.v1': '网格员已签收',
    'ticket.verified.v1': '网格员已现场核查', 'grievance.assigned.v1': '已交职能部门办理', 'grievance.accepted.v1': '已受理', 'grievance.resolved.v1': '已办结', 'grievance.rejected.v1': '核查不属实，未予受理',
    'grievance.escalated.v1': '已上报上一级', 'grievance.returned.v1': '已退回下一级', 'grievance.supervised.v1': '两新工委督办', 'grievance.reopened.v1': '重新办理', 'grievance.closed.v1': '已关闭',
    'grievance.contested.v1': '您已申请复核，将另派网格员核查', 'grievance.referred-to-supervision.v1': '已转区督查督办室督办',
    'feedback.rated.v1': '您已评价', 'points.awarded.v1': '获得积分', 'grievance.paused.v1': '办理人向您询问情况', 'grievance.replied.v1': '您已回复', 'sla.breached.v1': '办理超过时限',
  },
  rating: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
  occupation: { rider: '外卖骑手', courier: '快递员', ride_hailing_driver: '网约车司机', truck_driver: '货车司机', livestreamer: '网络主播', domestic_worker: '家政服务员', online_writer: '网络作家' },
  category: {
    manhole_cover_missing: '井盖缺失', road_damage: '道路破损', flying_wire_charging: '飞线充电', stairwell_clutter: '楼道堆物', illegal_parking: '违法停车', open_air_garbage: '露天垃圾', elevator_safety: '电梯安全',
    ghost_kitchen: '幽灵厨房', fire_hazard: '消防隐患', order_dispute: '订单纠纷', compound_access: '进门难', affordable_meals: '就餐难', charging_point: '充电难', pay_dispute: '劳资纠纷', injury_insurance: '工伤保险',
    hardship_aid: '困难帮扶', legal_aid: '法律援助', school_place: '子女入学', party_membership_transfer: '党组织关系转接', truck_passage: '货车通行难', health_certificate: '健康证办理', housing: '住房', public_order: '治安',
    golden_idea: '建言献策（金点子）',
  },
  validation: {
    required: '请填写{{field}}', tooLong: '{{field}}不能超过 {{max}} 个字', place: '请选择位置：使用当前位置或在地图上点选', photoType: '照片须为 JPEG、PNG 或 WebP', photoSize: '照片不能超过 10 MB', category: '请选择类别', uuid: '请填写有效的事项编号', grievanceRef: '请填写事项 ID 或受理编号（如 NC-20261203-000042）', polygon: '{{field}}须为 GeoJSON 多边形（"type": "Polygon"）', jsonObject: '{{field}}须为 JSON 对象（{…}）', json: '{{field}}须为 JSON', hours: '{{field}}的格式如 09:00-12:00, 13:30-18:00', number: '{{field}}须为数字', workerId: '劳动者编号只能由字母、数字及 . _ : @ - 组成', phone: '{{field}}须为电话号码（数字，可以 + 开头，可含空格或横线）', consent: '须经劳动者本人同意才能代为登记，请勾选确认',
  },
  errors: {
    network: '网络不通，请稍后再试', server: '服务暂时无法处理，请稍后再试（错误编号 {{errorId}}）', conflict: '事项状态已变化：{{message}}', unprocessable: '无法办理：{{message}}', forbidden: '您无权进行此操作', notFound: '未找到，或不在您的范围内', busy: '系统繁忙，正在重试…', field: '{{message}}',
  },
  time: { justNow: '刚刚' },
  bell: { title: '提醒', label: '员工提醒，{{count}} 条未读', unread: '未读', empty: '暂无提醒', markRead: '全部标为已读' },
};
export default zhCN;
export type Catalogue = typeof zhCN;
