/** /login, /signup and the notices /login can show. */
import type { signIn as english } from "../en/sign-in";
import type { Section } from "../types";

export const signIn: Section<typeof english, "ar"> = {
  "signIn.title": "تسجيل الدخول",
  "signIn.email": "البريد الإلكتروني",
  "signIn.password": "كلمة المرور",
  "signIn.forgot": "هل نسيت كلمة المرور؟",
  "signIn.submit": "تسجيل الدخول",
  "signIn.noAccount": "ليس لديك حساب؟ {link}",
  "signIn.signUpLink": "إنشاء حساب",
  "signIn.challenge.missing":
    "فشلت محاولات كثيرة لتسجيل الدخول إلى هذا الحساب اليوم، لذا تلزم خطوة إضافية: أكمل التحقق أدناه ثم سجّل الدخول.",
  "signIn.challenge.failed": "لم يكتمل التحقق أو انتهت صلاحيته. أكمله مرة أخرى ثم سجّل الدخول.",
  "signIn.challenge.unavailable": "تعذّر تأكيد التحقق الآن. لم يُحتسب شيء: يُرجى تسجيل الدخول مرة أخرى بعد لحظات.",
  "signIn.challenge.noScript":
    "يحتاج هذا التحقق إلى JavaScript. فعّله لهذا الموقع، أو سجّل الدخول من جهاز سبق أن سجّلت الدخول منه هنا.",
  "notice.reset": "تمت إعادة تعيين كلمة المرور بنجاح. سجّل الدخول باستخدام بيانات الاعتماد الجديدة.",
  "notice.password_reset":
    "تمت إعادة تعيين كلمة المرور، لذا تم تسجيل الخروج من جميع الجلسات. سجّل الدخول باستخدام كلمة المرور الجديدة.",
  "notice.password_changed":
    "تم تغيير كلمة المرور في جلسة أخرى، لذا تم تسجيل الخروج من هذه الجلسة. سجّل الدخول باستخدام كلمة المرور الجديدة.",
  "notice.signed_out": "تم تسجيل خروجك.",
  "notice.signed_out_elsewhere": "تم تسجيل خروجك بطلب من جلسة أخرى.",
  "notice.signed_out_everywhere": "تم تسجيل خروجك من جميع الجلسات.",
  "notice.session_limit": "تم تسجيل خروجك لأن عدد الجلسات المفتوحة تجاوز الحد المسموح به.",
  "notice.expired": "انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.",
  "notice.signed_up": "تم إنشاء حسابك. سجّل الدخول للمتابعة.",
  "signUp.title": "إنشاء حساب",
  "signUp.heading": "أنشئ حسابك",
  "signUp.firstName": "الاسم الأول (اختياري)",
  "signUp.lastName": "اسم العائلة (اختياري)",
  "signUp.password": "كلمة المرور",
  "signUp.confirm": "تأكيد كلمة المرور",
  "signUp.submit": "إنشاء حساب",
  "signUp.haveAccount": "لديك حساب بالفعل؟ {link}",
  "signUp.signInLink": "تسجيل الدخول",
};
