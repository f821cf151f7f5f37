import { describe, expect, it } from 'vitest'
import { guideDiff, messagesFor, problemsByField, toInput } from './guide'

describe('the server\'s problems on the fields they name (S3, S5)', () => {
  const byField = problemsByField([
    { field: 'guide.promisedLimit.value', message: '承诺时限应短于法定 20个工作日', rule: 'S5' },
    { field: 'guide.materials[0].copies', message: '份数应在 1 到 20 之间' },
    { field: 'guide.consultPhone', message: '缺少咨询电话', rule: 'S3' },
    { field: null, message: '草稿已被他人修改' },
  ])
  it('a field shows its own problems and those of its parts, with the rule', () => {
    expect(messagesFor(byField, 'promisedLimit')).toEqual(['承诺时限应短于法定 20个工作日（S5）'])
    expect(messagesFor(byField, 'materials')).toEqual(['份数应在 1 到 20 之间'])
    expect(messagesFor(byField, 'consultPhone')).toEqual(['缺少咨询电话（S3）'])
  })
  it('a field does not take another field\'s problems that merely start with its name', () => {
    expect(messagesFor(problemsByField([{ field: 'guide.feesNote', message: 'x' }]), 'fees')).toEqual([])
  })
  it('a problem without a field is kept for the form as a whole', () => {
    expect(byField['']).toEqual(['草稿已被他人修改'])
  })
})

describe('a guide read back as the draft input', () => {
  it('drops nulls and __typename at every depth', () => {
    expect(toInput({ __typename: 'Guide', consultPhone: null, materials: [{ __typename: 'Material', name: '申请书', sample: null, copies: 1 }] }))
      .toEqual({ materials: [{ name: '申请书', copies: 1 }] })
  })
})

describe('the readable diff of two guide versions (S6)', () => {
  const v1 = {
    promisedLimit: { value: 10, unit: 'WORKING_DAY' }, caseClass: 'PROMISED', consultPhone: '0763-6612345', booking: false,
    materials: [{ name: '居民身份证', copies: 1, required: true }, { name: '申请表', copies: 1, required: true }],
    tags: ['IMMEDIATE'],
  }
  const v2 = {
    promisedLimit: { value: 5, unit: 'WORKING_DAY' }, caseClass: 'PROMISED', consultPhone: '0763-6612345', booking: true,
    materials: [{ name: '居民身份证', copies: 2, required: true }, { name: '户口簿', copies: 1, required: false }],
    tags: ['IMMEDIATE', 'FULLY_ONLINE'],
  }
  const diff = guideDiff(v1, v2)
  it('says each change in the guide\'s words, unchanged fields left out', () => {
    expect(diff).toContainEqual({ field: '承诺时限', kind: 'changed', before: '10个工作日', after: '5个工作日' })
    expect(diff).toContainEqual({ field: '可预约', kind: 'changed', before: '否', after: '是' })
    expect(diff).toContainEqual({ field: '六办标签', kind: 'changed', before: '马上办', after: '马上办、全网办' })
    expect(diff.map((c) => c.field)).not.toContain('咨询电话')
    expect(diff.map((c) => c.field)).not.toContain('办件类型')
  })
  it('compares materials by name: one changed, one removed, one added', () => {
    expect(diff).toContainEqual({ field: '申请材料：居民身份证', kind: 'changed', before: '名称：居民身份证，份数：1，必需：是', after: '名称：居民身份证，份数：2，必需：是' })
    expect(diff).toContainEqual(expect.objectContaining({ field: '申请材料：申请表', kind: 'removed' }))
    expect(diff).toContainEqual(expect.objectContaining({ field: '申请材料：户口簿', kind: 'added', after: '名称：户口簿，份数：1，必需：否' }))
  })
  it('the first version is all additions', () => {
    expect(guideDiff(null, { consultPhone: '0763-6612345' })).toEqual([{ field: '咨询电话', kind: 'added', before: '', after: '0763-6612345' }])
  })
})
