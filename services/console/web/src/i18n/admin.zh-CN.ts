/** 简体中文: the admin's screens (loaded with them, so a rider's phone never downloads them). */
const adminZhCN = {
  title: '系统管理', search: '按名称或编号查找', directory: '目录', sla: '时限规则', map: '网格地图', empty: '暂无条目', city: '全市', saved: '已保存（版本 {{version}}）', retired: '已停用「{{name}}」',
  stale: '有人在您打开之后修改了这一条，您的修改没有保存。请重新加载最新内容，再改一次。', reload: '重新加载',
  new: '新建', edit: '编辑', retire: '停用', save: '保存', retireConfirm: '停用「{{name}}」？停用后保留为历史，不再用于新的事项。', editTitle: '编辑{{kind}}：{{name}}', newTitle: '新建{{kind}}',
  kinds: { grids: '网格', gridWorkers: '网格员', departments: '职能部门', categoryRoutes: '分类路由', fallbackOwners: '兜底单位', chainUnits: '链条单位', policies: '时限策略', calendars: '工作日历', history: '变更记录', areas: '区县·街道·社区', stations: '驿站' },
  field: {
    id: '编号', code: '代码', name: '名称', level: '层级', parentId: '上级单位', polygon: '范围（GeoJSON 多边形）', gridId: '所属网格', phone: '电话', employment: '用工方式', category: '分类', districtId: '区县', departmentCode: '责任部门', attributes: '附加属性（JSON，可选）',
    description: '说明', match: '适用范围（JSON）', respond: '响应时限', resolve: '办结时限', accept: '接单时限', verify: '核查时限', warnShare: '预警比例', calendar: '日历', priority: '优先级', reason: '变更原因', kind: '计时方式', timeZone: '时区', workingHours: '工作时间', weekend: '休息日', holidays: '节假日', workdays: '调休上班日', address: '地址', workerId: '骑手/快递员账号（兼职网格员）', stationId: '驻点驿站', openingHours: '开放时间', staff: '工作人员',
  },
  hint: { polygon: '{"type":"Polygon","coordinates":[[[经度,纬度],…,首点]]}，环首尾相同', budget: '毫秒数或 ISO-8601 时长，如 PT4H、P2D；留空为不设', workingHours: '如 09:00-12:00, 13:30-18:00', days: '日期 YYYY-MM-DD，以空格、逗号或换行分隔', city: '留空为全市兜底', match: '如 {"kind":"appeal","stage":"member"}；{} 适用于全部事项', openingHours: '如 08:00-22:00 或 24h', workerId: '由已注册的骑手或快递员兼任时填写其账号；须为兼职', stationId: '驻点所在驿站：在岗时优先接办该驿站代办登记的事项', staff: '姓名，以顿号或逗号分隔' },
  column: { version: '版本', status: '状态', actions: '操作', live: '使用中', retiredTag: '已停用', budgets: '时限', changedAt: '时间', actor: '操作人', change: '变更' },
  employment: { full_time: '专职', part_time: '兼职' },
  level: { district: '区县', street: '街道', community: '社区', grid: '网格', two_new_committee: '两新工委', industry_committee: '行业综合党委', branch: '支部', member: '联络员' },
  calendarKind: { calendar: '自然时间', working: '工作时间' },
  weekday: { '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六', '7': '周日' },
  changeAction: { seed: '初始', put: '修改', retire: '停用' },
};
export default adminZhCN;
export type AdminCatalogue = typeof adminZhCN;
