/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
import type { common as english } from "../en/common";
import type { Section } from "../types";

export const common: Section<typeof english> = {
  "layout.brand": "الحساب",
  "layout.title": "{title} · الحساب",
  "layout.language": "اللغة",
  "field.passwordHint": "يجب ألا يقل عدد الأحرف عن {min}. العبارات الطويلة خيار جيد، ولا توجد قواعد أخرى.",
  "field.passwordCount": "عدد الأحرف: {count} من {min} على الأقل",
  "field.passwordGood": "تبدو جيدة.",
  "field.mismatch": "كلمتا المرور غير متطابقتين.",
  "field.copied": "تم النسخ",
  "field.invalid": "تحقّق من هذا الحقل: القيمة المُدخلة غير مقبولة في هذا النموذج.",
  "field.enterEmail": "أدخل عنوان بريد إلكتروني صالحًا.",
  "field.enterPassword": "أدخل كلمة المرور.",
  "field.enterCurrentPassword": "أدخل كلمة المرور الحالية.",
  "password.too_short": "يجب ألا يقل عدد أحرف كلمة المرور عن {min}.",
  "password.too_long": "يجب ألا يزيد عدد أحرف كلمة المرور على {max}.",
  "password.common":
    "كلمة المرور شائعة جدًا أو سهلة التخمين (كلمة مرور معروفة، أو تكرار، أو تسلسل). يُرجى اختيار كلمة مرور يصعب تخمينها.",
  "password.matches_email": "يجب ألا تكون كلمة المرور هي نفسها عنوان بريدك الإلكتروني.",
  "password.breached": "ظهرت كلمة المرور هذه في عملية اختراق للبيانات. يُرجى اختيار كلمة مرور مختلفة.",
  "password.breach_check_unavailable":
    "يتعذّر الآن التحقق مما إذا كانت كلمة المرور قد ظهرت في عمليات اختراق معروفة للبيانات. يُرجى إعادة المحاولة بعد قليل.",
  "refusal.invalidCredentials":
    "يبدو أن هناك خطأ في البريد الإلكتروني أو كلمة المرور. يُرجى إعادة المحاولة أو إعادة تعيين كلمة المرور.",
  "refusal.tooManyAttempts": "محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق، أو إعادة تعيين كلمة المرور.",
  "refusal.tooManyRequests": "طلبات كثيرة جدًا من شبكتك. يُرجى إعادة المحاولة بعد دقيقة.",
  "refusal.invalidLink": "رابط إعادة تعيين كلمة المرور هذا غير صالح، أو انتهت صلاحيته، أو سبق استخدامه.",
  "refusal.emailTaken": "يوجد حساب بهذا البريد الإلكتروني بالفعل. سجّل الدخول أو أعد تعيين كلمة المرور.",
  "refusal.locked":
    "محاولات كثيرة جدًا لتسجيل الدخول. أعد المحاولة بعد {wait}، أو أعد تعيين كلمة المرور لتسجيل الدخول الآن.",
  "refusal.codeRequired": "أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة، أو أحد رموز الاسترداد.",
  "refusal.codeWrong": "هذا الرمز غير صحيح أو سبق استخدامه. أدخل الرمز الحالي من التطبيق، أو أحد رموز الاسترداد.",
  "refusal.codeLocked": "أُدخلت رموز خاطئة كثيرة جدًا. أعد المحاولة بعد {wait}.",
  "refusal.notCurrentPassword": "هذه ليست كلمة مرورك الحالية.",
  "refusal.changedElsewhere": "تم تغيير كلمة مرورك من مكان آخر قبل لحظات. لم يتغيّر أي شيء هنا.",
  "refusal.sessionEnded": "انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.",
  "error.notFound.title": "الصفحة غير موجودة",
  "error.notFound.text": "لا توجد أي صفحة على هذا العنوان.",
  "error.unavailable.title": "يُرجى إعادة المحاولة",
  "error.unavailable.text": "تعذّر تغيير كلمة المرور حاليًا. يُرجى إعادة المحاولة بعد قليل باستخدام الرابط نفسه.",
  "error.forbidden.title": "تم رفض الطلب",
  "error.forbidden.text": "أُرسل هذا النموذج من موقع آخر، لذا لم يتم قبوله.",
  "error.tooLarge.title": "الطلب كبير جدًا",
  "error.tooLarge.text": "حجم هذا النموذج أكبر من الحد المسموح به لأي نموذج هنا.",
  "error.failed.title": "حدث خطأ ما",
  "error.failed.text": "يُرجى الرجوع وإعادة المحاولة.",
  "error.back": "الانتقال إلى تسجيل الدخول",
};
