/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
import type { passkeys as english } from "../en/passkeys";
import type { Section } from "../types";

export const passkeys: Section<typeof english, "ar"> = {
  "passkeys.heading": "مفاتيح المرور",
  "passkeys.intro":
    "يتيح لك مفتاح المرور تسجيل الدخول بقفل شاشة جهازك (البصمة أو الوجه أو الرمز) بدلًا من كلمة المرور. لا يمكن سرقته بالتصيّد ولا تخمينه.",
  "passkeys.none": "ليس لديك مفاتيح مرور بعد.",
  "passkeys.times": "أُضيف: {added} · آخر استخدام: {used}",
  "passkeys.neverUsed": "لم يُستخدم",
  "passkeys.nameLabel": "الاسم",
  "passkeys.rename": "إعادة التسمية",
  "passkeys.remove": "إزالة",
  "passkeys.removeIntro":
    "لإزالة مفتاح مرور، أكّد بكلمة المرور (ورمز إن كانت المصادقة الثنائية مفعّلة)، أو بأحد مفاتيح المرور لديك.",
  "passkeys.removeWithPasskey": "الإزالة بمفتاح مرور",
  "passkeys.add": "إضافة مفتاح مرور",
  "passkeys.addIntro": "أكّد بكلمة المرور (ورمز من تطبيقك إن كانت المصادقة الثنائية مفعّلة)، ثم اتبع خطوات متصفحك.",
  "passkeys.codeLabel": "رمز المصادقة (الثنائية)",
  "passkeys.needsScript":
    "تحتاج مفاتيح المرور إلى JavaScript في هذا المتصفح. فعّله لاستخدام مفتاح، أو تابع بكلمة المرور.",
  "passkeys.limit": "يمكن أن يكون للحساب 10 مفاتيح مرور. أزل واحدًا لإضافة آخر.",
  "passkeys.refused": "تعذّر استخدام مفتاح المرور هذا. حاول مرة أخرى.",
  "passkeys.cancelled": "لم ينشئ المتصفح مفتاح مرور. حاول مرة أخرى عندما تكون مستعدًا.",
  "passkeys.nameInvalid": "اختر لمفتاح المرور اسمًا لا يزيد على 64 حرفًا.",
  "passkeys.noticeAdded": "أُضيف مفتاح المرور. يمكنك تسجيل الدخول به من الآن.",
  "passkeys.noticeRenamed": "أُعيدت تسمية مفتاح المرور.",
  "passkeys.noticeRemoved": "أُزيل مفتاح المرور.",
  "passkeys.signIn": "تسجيل الدخول بمفتاح مرور",
  "notice.passkey_refused": "لم يسجّل مفتاح المرور هذا دخولك. حاول مرة أخرى، أو استخدم كلمة المرور.",
  "notice.passkey_expired": "انتهت صلاحية طلب مفتاح المرور. حاول مرة أخرى.",
  "notice.passkey_limited": "محاولات كثيرة بمفاتيح المرور من شبكتك. انتظر 15 دقيقة، أو استخدم كلمة المرور.",
  "passkeys.event.added": "أُضيف مفتاح مرور",
  "passkeys.event.removed": "أُزيل مفتاح مرور",
  "passkeys.method.password": "بكلمة المرور",
  "passkeys.method.passwordCode": "بكلمة المرور ورمز",
  "passkeys.method.passwordPasskey": "بكلمة المرور ومفتاح مرور",
  "passkeys.method.passkey": "بمفتاح مرور",
  "passkeys.secondStep": "أو استخدم مفتاح مرور بدلًا من الرمز.",
  "passkeys.usePasskey": "استخدام مفتاح مرور",
  "passkeys.offerHeading": "هل تضيف مفتاح مرور؟",
  "passkeys.offerText":
    "تغيّرت كلمة المرور. يتيح لك مفتاح المرور تسجيل الدخول دونها في المرة القادمة، ولا يمكن لأحد سرقته بالتصيّد.",
  "passkeys.offerSkip": "ليس الآن",
  "email.twoFactor.passkey_added.subject": "أُضيف مفتاح مرور إلى حسابك",
  "email.twoFactor.passkey_added.what":
    "أُضيف مفتاح مرور إلى حسابك في {when}، من {from}. يمكنه تسجيل الدخول دون كلمة المرور.",
  "email.twoFactor.passkey_removed.subject": "أُزيل مفتاح مرور من حسابك",
  "email.twoFactor.passkey_removed.what": "أُزيل مفتاح مرور من حسابك في {when}، من {from}.",
  "email.passkey.name": "مفتاح المرور: {name}",
};
