import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsLatitude, IsLongitude, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { DomainError } from '@grievance/contracts';
import { createValidationPipe } from '../platform.module';
import { answerFor } from './all-exceptions.filter';
import { ApiErrorEntry, RequestValidationException, validationErrorEntries } from './error-texts';

class Location {
  @IsLatitude()
  lat!: number;

  @IsLongitude()
  lng!: number;
}

class Attachment {
  @IsString()
  @MaxLength(8)
  id!: string;
}

class Report {
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  title!: string;

  @IsIn(['normal', 'urgent'])
  urgency!: string;

  @ValidateNested()
  @Type(() => Location)
  location!: Location;

  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => Attachment)
  attachments!: Attachment[];

  @Min(1)
  copies!: number;

  @IsOptional()
  @Matches(/\S/, { message: 'reason must not be empty' })
  reason?: string;

  @IsOptional()
  @Matches(/^\+?[0-9 -]{5,30}$/, { message: 'phone must be digits' })
  phone?: string;
}

const valid = { title: 'manhole', urgency: 'normal', location: { lat: 31.2, lng: 121.4 }, attachments: [{ id: 'a1' }], copies: 1 };

/** What the service's own validation pipe refuses in `body`. */
async function refusal(body: object): Promise<RequestValidationException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Report, data: '' });
  } catch (error) {
    if (error instanceof RequestValidationException) return error;
    throw error;
  }
  throw new Error('the body was accepted');
}

const entries = async (body: object, language: 'zh-CN' | 'en'): Promise<ApiErrorEntry[]> => validationErrorEntries((await refusal(body)).validationErrors, language);

describe('validation errors in the caller’s language', () => {
  it('names a nested field by its JSON path and says it in Chinese with the field’s name', async () => {
    expect(await entries({ ...valid, location: { lat: 91, lng: 121.4 } }, 'zh-CN')).toEqual([
      { field: 'location.lat', code: 'isLatitude', message: '纬度必须是 -90 到 90 之间的纬度。' },
    ]);
    expect(await entries({ ...valid, location: { lat: 91, lng: 121.4 } }, 'en')).toEqual([
      { field: 'location.lat', code: 'isLatitude', message: 'Latitude must be a latitude from -90 to 90.' },
    ]);
  });

  it('names an element of an array by its index', async () => {
    expect(await entries({ ...valid, attachments: [{ id: 'a1' }, { id: 'much-too-long' }] }, 'zh-CN')).toEqual([
      { field: 'attachments[1].id', code: 'maxLength', message: '编号不能超过 8 个字符。' },
    ]);
    const notAnObject = await entries({ ...valid, attachments: ['x'] }, 'en');
    expect(notAnObject).toEqual([{ field: 'attachments[0]', code: 'nestedValidation', message: 'attachments[0] must be an object or a list of objects.' }]);
  });

  it('fills in the parameters of the constraint: lengths, sizes, bounds and allowed values', async () => {
    const zh = await entries({ ...valid, title: 'a title far too long', urgency: 'soon', copies: 0, attachments: [{ id: '1' }, { id: '2' }, { id: '3' }] }, 'zh-CN');
    expect(zh).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'maxLength', message: '标题不能超过 10 个字符。' },
        { field: 'urgency', code: 'isIn', message: '紧急程度必须是以下之一：normal、urgent。' },
        { field: 'copies', code: 'min', message: 'copies不能小于 1。' },
        { field: 'attachments', code: 'arrayMaxSize', message: 'attachments最多 2 项。' },
      ]),
    );
    const en = await entries({ ...valid, urgency: 'soon' }, 'en');
    expect(en).toEqual([{ field: 'urgency', code: 'isIn', message: 'Urgency must be one of: normal, urgent.' }]);
  });

  it('says a pattern in words of its own: some text, a phone number', async () => {
    expect(await entries({ ...valid, reason: '   ', phone: 'call the office' }, 'zh-CN')).toEqual([
      { field: 'reason', code: 'matches', message: '理由不能为空。' },
      { field: 'phone', code: 'matches', message: '手机号只能由数字组成，可以 + 开头，可含空格或横线（5 到 30 位）。' },
    ]);
    expect(await entries({ ...valid, reason: '   ' }, 'en')).toEqual([{ field: 'reason', code: 'matches', message: 'Reason must not be empty.' }]);
  });

  it('says every check a field fails, each with its own code', async () => {
    const zh = await entries({ ...valid, title: '' }, 'zh-CN');
    expect(zh).toEqual([{ field: 'title', code: 'isNotEmpty', message: '标题不能为空。' }]);
  });

  it('names a field that is not allowed as it was sent, nested ones by their path', async () => {
    expect(await entries({ ...valid, colour: 'red' }, 'zh-CN')).toEqual([{ field: 'colour', code: 'whitelistValidation', message: '不接受字段 colour。' }]);
    expect(await entries({ ...valid, location: { lat: 31.2, lng: 121.4, alt: 4 } }, 'en')).toEqual([
      { field: 'location.alt', code: 'whitelistValidation', message: 'The field location.alt is not accepted.' },
    ]);
  });

  it('keeps the English message list of the answer as it was, adding errors beside it', async () => {
    const exception = await refusal({ ...valid, location: { lat: 91, lng: 121.4 } });
    const answer = answerFor(exception, () => 'id', 'zh-CN');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['location.lat must be a latitude string or number'],
      errors: [{ field: 'location.lat', code: 'isLatitude', message: '纬度必须是 -90 到 90 之间的纬度。' }],
    });
  });
});

describe('domain errors in the caller’s language', () => {
  it('says a site’s own catalogue text, with its parameters and field', () => {
    const error = DomainError.invalid('departmentCode water is not a department of the directory', { field: 'departmentCode' }, { key: 'error.department.unknown', params: { departmentCode: 'water' } });
    expect(answerFor(error, () => 'id', 'zh-CN').body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid',
      message: ['departmentCode water is not a department of the directory'],
      details: { field: 'departmentCode' },
      errors: [{ field: 'departmentCode', code: 'invalid', message: '目录中没有职能部门 water。' }],
    });
    expect(answerFor(error, () => 'id', 'en').body.errors).toEqual([{ field: 'departmentCode', code: 'invalid', message: 'Department water is not in the directory.' }]);
  });

  it('labels the values a text names from the catalogue (a status, a kind of thing)', () => {
    const conflict = DomainError.conflict('the grievance is in_progress; only an assigned grievance can be accepted', undefined, { key: 'error.grievance.notAssigned', params: { status: 'in_progress' } });
    expect(answerFor(conflict, () => 'id', 'zh-CN').body.errors).toEqual([{ code: 'conflict', message: '该诉求当前办理中，只有已交办的诉求才能签收。' }]);
    expect(answerFor(conflict, () => 'id', 'en').body.errors).toEqual([{ code: 'conflict', message: 'The grievance is in progress; only an assigned grievance can be accepted.' }]);
    const missing = DomainError.notFound('grid worker', 'gw-9');
    expect(answerFor(missing, () => 'id', 'zh-CN').body).toMatchObject({ message: 'grid worker gw-9 not found', errors: [{ code: 'not_found', message: '未找到网格员 gw-9。' }] });
    expect(answerFor(missing, () => 'id', 'en').body.errors).toEqual([{ code: 'not_found', message: 'grid worker gw-9 not found.' }]);
  });

  it('falls back to the generic text of the code when the site names no text or one the catalogue lacks', () => {
    expect(answerFor(new DomainError('conflict', 'busy'), () => 'id', 'zh-CN').body.errors).toEqual([{ code: 'conflict', message: '此操作与当前状态冲突，请刷新后重试。' }]);
    expect(answerFor(new DomainError('unprocessable', 'no', undefined, { key: 'error.nothing.here' }), () => 'id', 'en').body.errors).toEqual([
      { code: 'unprocessable', message: 'The request cannot be carried out.' },
    ]);
  });
});
