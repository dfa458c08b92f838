/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
import type { passkeyFactor as english } from "../en/passkey-factor";
import type { Section } from "../types";

export const passkeyFactor: Section<typeof english, "ar"> = {
  "passkeyFactor.turnOnHeading": "أو مفتاح مرور كعامل ثانٍ",
  "passkeyFactor.turnOnIntro":
    "دون تطبيق: بعد كلمة المرور، يطلب تسجيل الدخول وإعادة تعيين كلمة المرور أحد مفاتيح المرور الخاصة بك (أو رمز استرداد).",
  "passkeyFactor.turnOn": "التفعيل بمفتاح مرور",
  "passkeyFactor.on": "عاملك الثاني هو مفتاح مرور.",
  "passkeyFactor.recoveryCode": "رمز استرداد",
  "passkeyFactor.codesNotice": "من الآن فصاعدًا، يطلب تسجيل الدخول أحد مفاتيح المرور الخاصة بك.",
  "passkeyFactor.lastPasskey":
    "مفتاح المرور هذا هو عاملك الثاني الوحيد. أضف مفتاح مرور آخر، أو أوقف تسجيل الدخول بخطوتين، قبل إزالته.",
};
