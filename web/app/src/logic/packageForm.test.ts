import { beforeEach, describe, expect, it } from 'vitest'
import { formValues, placeOf, savedAnswers, saveAnswers, tailored, type PackageField } from './packageForm'

const field = (key: string, askedFor: string[], type: PackageField['type'] = 'TEXT'): PackageField =>
  ({ key, label: key, type, required: false, options: null, help: null, askedFor })

describe("a package's one form after its walk (G2, G3)", () => {
  beforeEach(() => sessionStorage.clear())

  it("asks nothing of a part that does not apply: neither its own fields nor its materials; the filing fields are the form's own", () => {
    const form = tailored({
      complete: true,
      skipped: [{ itemId: '441825:b', itemName: '出生登记', reason: '请到户籍地派出所办理' }],
      fields: [field('applicant.name', ['生育登记', '出生登记'], null), field('newbornName', ['生育登记', '出生登记']),
        field('householdAddress', ['出生登记'])],
      materials: [{ name: '居民身份证', required: true, usedBy: ['生育登记', '出生登记'] }, { name: '出生医学证明', required: true, usedBy: ['出生登记'] }],
    })
    expect(form.fields.map((f) => f.key)).toEqual(['newbornName'])
    expect(form.materials.map((m) => m.name)).toEqual(['居民身份证'])
  })

  it('sends the values typed, each once, the empty ones left out', () => {
    expect(formValues([field('shopName', []), field('shopArea', [], 'NUMBER')], { shopName: ' 山里人家 ', shopArea: '' }))
      .toEqual([{ key: 'shopName', value: '山里人家' }])
  })

  it("places the server's refusal under the control it names", () => {
    const sent = { formValues: [{ key: 'newbornName' }, { key: 'householdAddress' }], materials: [{ name: '居民身份证' }, { name: '结婚证' }] }
    expect(placeOf('formValues[1].key', sent)).toEqual({ kind: 'field', key: 'householdAddress' })
    expect(placeOf('formValues[0].value', sent)).toEqual({ kind: 'field', key: 'newbornName' })
    expect(placeOf('formValues.shopName', sent)).toEqual({ kind: 'field', key: 'shopName' })
    expect(placeOf('materials[1].uploadId', sent)).toEqual({ kind: 'material', name: '结婚证' })
    expect(placeOf('applicant.idNumber', sent)).toEqual({ kind: 'applicant', key: 'idNumber' })
    expect(placeOf('packageAnswers', sent)).toEqual({ kind: 'form' })
    expect(placeOf(undefined, sent)).toEqual({ kind: 'form' })
  })

  it('keeps the answers in the tab while the citizen signs in', () => {
    saveAnswers('441825:p', [{ questionId: 'order', value: '1' }])
    expect(savedAnswers('441825:p')).toEqual([{ questionId: 'order', value: '1' }])
    expect(savedAnswers('441825:other')).toEqual([])
  })
})
