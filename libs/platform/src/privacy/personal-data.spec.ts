import { maskName, maskPersonalData, maskPhone, maskPhonesInText } from './personal-data';

describe('personal data masking', () => {
  it('masks a phone number to its prefix and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0791-8888777')).toBe('079****8777');
  });

  it('masks a name to its first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Li Wei')).toBe('L****');
  });

  it('finds phone numbers in free text, with or without +86 and separators, and leaves other numbers alone', () => {
    expect(maskPhonesInText('电话13812345678，或 +86 139-1234-5678')).toBe('电话138****5678，或 139****5678');
    expect(maskPhonesInText('landline 0791-88887777')).toBe('landline 079*****7777');
    expect(maskPhonesInText('tracking NC-20261201-000042, 3 riders, order 123456789012345')).toBe('tracking NC-20261201-000042, 3 riders, order 123456789012345');
  });

  it('leaves ids alone whose hex happens to hold eleven digits that look like a mobile number', () => {
    const photo = '01a24edc-83ed-718f-95d5-14959607296a';
    expect(maskPersonalData({ attachmentIds: [photo], note: `photo ${photo}`, id: '01a24edc-83ed-718f-95d5-139596072961' })).toEqual({
      attachmentIds: [photo],
      note: `photo ${photo}`,
      id: '01a24edc-83ed-718f-95d5-139596072961',
    });
    expect(maskPhonesInText('ref x13812345678y, call 13812345678')).toBe('ref x13812345678y, call 138****5678');
  });

  it('masks holders who are people, phone fields and phones in text, and keeps ids, org units and departments', () => {
    const payload = {
      description: 'Open manhole, call me on 13812345678',
      holder: { type: 'member', id: 'mb-7', name: '王小明', level: 'member' },
      fromHolder: { type: 'org_unit', id: 'branch-3', name: 'Honggutan riders branch' },
      resolvedBy: { type: 'department', id: 'municipal_works', name: 'Municipal works' },
      contact: { phone: '13912345678' },
      history: [{ holder: { type: 'grid_worker', id: 'gw-1', name: 'Zhao Lei' } }],
      attempt: 2,
    };
    expect(maskPersonalData(payload)).toEqual({
      description: 'Open manhole, call me on 138****5678',
      holder: { type: 'member', id: 'mb-7', name: '王**', level: 'member' },
      fromHolder: { type: 'org_unit', id: 'branch-3', name: 'Honggutan riders branch' },
      resolvedBy: { type: 'department', id: 'municipal_works', name: 'Municipal works' },
      contact: { phone: '139****5678' },
      history: [{ holder: { type: 'grid_worker', id: 'gw-1', name: 'Z******' } }],
      attempt: 2,
    });
    expect(payload.holder.name).toBe('王小明');
  });
});
