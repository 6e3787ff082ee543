package sheet

//lint:file-ignore ST1018 Persian words are spelled with the zero-width non-joiner (U+200C); written as escapes they could not be read.

import "sort"

// Synonyms, in English, Persian, Arabic, Polish, Turkish and Thai.
var (
	synID       = []string{"id", "mops id", "mopsdesk id", "شناسه", "المعرف", "معرف", "identyfikator", "kimlik", "รหัส"}
	synName     = []string{"name", "campaign", "campaign name", "نام", "نام کمپین", "کمپین", "الاسم", "اسم الحملة", "الحملة", "nazwa", "kampania", "nazwa kampanii", "ad", "kampanya", "kampanya adı", "ชื่อ", "แคมเปญ", "ชื่อแคมเปญ"}
	synCampaign = []string{"campaign", "campaign name", "کمپین", "الحملة", "kampania", "kampanya", "แคมเปญ"}
	synTitle    = []string{"title", "caption", "content", "post", "topic", "headline", "subject", "عنوان", "محتوا", "العنوان", "المحتوى", "tytuł", "treść", "temat", "başlık", "içerik", "konu", "หัวข้อ", "ชื่อเรื่อง", "เนื้อหา"}
	synObj      = []string{"objective", "goal", "purpose", "هدف", "الهدف", "cel", "amaç", "hedef", "วัตถุประสงค์", "เป้าหมาย"}
	synTeam     = []string{"team", "department", "dept", "تیم", "واحد", "الفريق", "القسم", "zespół", "dział", "ekip", "takım", "departman", "ทีม", "แผนก"}
	synOwner    = []string{"owner", "responsible", "assignee", "assigned to", "manager", "مسئول", "مالک", "المسؤول", "المالك", "właściciel", "odpowiedzialny", "sorumlu", "sahibi", "ผู้รับผิดชอบ", "เจ้าของ"}
	synChannel  = []string{"channel", "channels", "platform", "platforms", "medium", "network", "کانال", "پلتفرم", "القناة", "المنصة", "القنوات", "kanał", "kanały", "platforma", "kanal", "platform", "ช่องทาง", "แพลตฟอร์ม"}
	synTags     = []string{"tags", "tag", "hashtags", "labels", "keywords", "برچسب", "هشتگ", "الوسوم", "وسوم", "هاشتاغ", "tagi", "etykiety", "etiketler", "etiket", "hashtagler", "แท็ก", "แฮชแท็ก"}
	synStatus   = []string{"status", "state", "stage", "وضعیت", "الحالة", "stan", "durum", "สถานะ"}
	synStart    = []string{"start", "start date", "from", "begins", "launch", "launch date", "تاریخ شروع", "شروع", "از", "تاريخ البدء", "البداية", "من", "data rozpoczęcia", "początek", "od", "başlangıç", "başlangıç tarihi", "วันเริ่ม", "วันที่เริ่ม", "เริ่ม"}
	synEnd      = []string{"end", "end date", "to", "until", "finish", "تاریخ پایان", "پایان", "تا", "تاريخ الانتهاء", "النهاية", "إلى", "data zakończenia", "koniec", "do", "bitiş", "bitiş tarihi", "วันสิ้นสุด", "สิ้นสุด"}
	synBudget   = []string{"budget", "planned", "plan", "budgeted", "marketing budget", "بودجه", "الميزانية", "ميزانية", "budżet", "plan", "bütçe", "butce", "งบประมาณ", "งบ"}
	synRevenue  = []string{"revenue", "attributed revenue", "revenue conversion", "income", "sales", "درآمد", "فروش", "الإيرادات", "الايرادات", "المبيعات", "przychód", "przychody", "gelir", "atfedilen gelir", "ilişkilendirilen gelir", "ciro", "รายได้", "ยอดขาย"}
	synNotes    = []string{"notes", "note", "comments", "comment", "remarks", "description", "details", "یادداشت", "توضیحات", "ملاحظات", "وصف", "uwagi", "notatki", "opis", "notlar", "açıklama", "not", "หมายเหตุ", "รายละเอียด"}
	synDate     = []string{"date", "day", "publish date", "publish", "post date", "due", "due date", "go live", "تاریخ", "روز", "تاريخ", "اليوم", "data", "dzień", "tarih", "gün", "yayın tarihi", "วันที่", "วัน"}
	synType     = []string{"type", "content type", "format", "kind", "نوع", "نوع محتوا", "النوع", "نوع المحتوى", "typ", "rodzaj", "format", "tür", "içerik türü", "ประเภท", "รูปแบบ"}
	synAmount   = []string{"amount", "cost", "spend", "actual", "actual spend", "ads actual spend", "value", "total", "price", "مبلغ", "هزینه", "المبلغ", "التكلفة", "الإنفاق", "kwota", "koszt", "wydatki", "tutar", "maliyet", "harcama", "จำนวนเงิน", "ค่าใช้จ่าย", "ยอด"}
	synCurrency = []string{"currency", "ccy", "ارز", "واحد پول", "العملة", "waluta", "para birimi", "döviz", "สกุลเงิน"}
	synCategory = []string{"category", "cost category", "expense type", "line item", "دسته", "دسته‌بندی", "الفئة", "التصنيف", "kategoria", "kategori", "หมวด", "หมวดหมู่"}
	synVendor   = []string{"vendor", "supplier", "payee", "provider", "company", "تامین‌کننده", "فروشنده", "المورد", "المزود", "dostawca", "sprzedawca", "tedarikçi", "satıcı", "ผู้ขาย", "ผู้จำหน่าย"}
	synRef      = []string{"reference", "ref", "invoice", "invoice no", "po", "po number", "شماره فاکتور", "فاکتور", "مرجع", "رقم الفاتورة", "الفاتورة", "numer faktury", "faktura", "referencja", "fatura", "fatura no", "referans", "เลขที่ใบแจ้งหนี้", "อ้างอิง"}
	synPeriod   = []string{"month", "period", "ماه", "دوره", "الشهر", "الفترة", "miesiąc", "okres", "ay", "dönem", "เดือน", "งวด"}
	synWebsite  = []string{"website", "url", "web", "site", "وب‌سایت", "سایت", "الموقع", "strona", "strona www", "web sitesi", "site", "เว็บไซต์"}
	synContacts = []string{"contacts", "contact", "email", "account manager", "تماس", "مخاطب", "جهة الاتصال", "kontakt", "iletişim", "ผู้ติดต่อ"}
	synProduct  = []string{"product", "tool", "service", "subscription", "software", "app", "plan", "محصول", "سرویس", "اشتراک", "المنتج", "الخدمة", "الاشتراك", "produkt", "usługa", "narzędzie", "subskrypcja", "ürün", "hizmet", "abonelik", "araç", "ผลิตภัณฑ์", "บริการ", "การสมัครสมาชิก"}
	synCost     = []string{"cost", "price", "fee", "amount", "annual cost", "monthly cost", "هزینه", "قیمت", "التكلفة", "السعر", "koszt", "cena", "opłata", "maliyet", "fiyat", "ücret", "ค่าใช้จ่าย", "ราคา"}
	synBilling  = []string{"billing", "billing cycle", "billing period", "frequency", "چرخه صورتحساب", "دوره پرداخت", "دورة الفوترة", "الفوترة", "rozliczenie", "cykl rozliczeniowy", "fatura dönemi", "faturalama", "รอบการเรียกเก็บเงิน", "รอบบิล"}
	synTerm     = []string{"term", "term months", "months", "contract length", "مدت", "مدت قرارداد", "المدة", "مدة العقد", "okres umowy", "czas trwania", "süre", "sözleşme süresi", "ระยะเวลา", "ระยะสัญญา"}
	synRenewal  = []string{"renewal", "renewal date", "renews", "expiry", "expiry date", "expires", "expiration", "end date", "تاریخ تمدید", "تمدید", "انقضا", "تاريخ التجديد", "التجديد", "الانتهاء", "تاريخ الانتهاء", "data odnowienia", "odnowienie", "wygasa", "data wygaśnięcia", "yenileme", "yenileme tarihi", "bitiş tarihi", "son kullanma", "วันต่ออายุ", "วันหมดอายุ", "หมดอายุ"}
	synAuto     = []string{"auto renew", "auto-renew", "autorenew", "automatic renewal", "تمدید خودکار", "تجديد تلقائي", "automatyczne odnowienie", "otomatik yenileme", "ต่ออายุอัตโนมัติ"}
	synNotice   = []string{"notice", "notice days", "notice period", "مهلت اطلاع", "مهلت اعلام", "مهلت اعلام قبلی", "فترة الإشعار", "okres wypowiedzenia", "ihbar süresi", "bildirim süresi", "ระยะแจ้งล่วงหน้า"}
	synSeats    = []string{"seats", "seats purchased", "licenses", "licences", "users", "صندلی", "تعداد کاربر", "المقاعد", "التراخيص", "licencje", "stanowiska", "lisans", "koltuk", "ที่นั่ง", "ใบอนุญาต"}
	synUsed     = []string{"seats used", "used", "active users", "استفاده‌شده", "المستخدمة", "wykorzystane", "kullanılan", "ใช้งาน"}
	synLicence  = []string{"licence", "license", "licence type", "license type", "rights", "مجوز", "الترخيص", "licencja", "lisans türü", "สิทธิ์การใช้งาน"}
	synHolder   = []string{"holder", "licence holder", "rights holder", "photographer", "دارنده مجوز", "صاحب الحقوق", "posiadacz", "hak sahibi", "ผู้ถือสิทธิ์"}
	synUsage    = []string{"usage rights", "usage", "permitted use", "حق استفاده", "حقوق الاستخدام", "prawa użytkowania", "kullanım hakları", "สิทธิ์การใช้"}
	synLine     = []string{"subscription id", "subscription number", "subscription no", "contract id", "contract number", "contract no", "line id", "line item id", "agreement id", "agreement number", "شناسه اشتراک", "شماره اشتراک", "شماره قرارداد", "معرف الاشتراك", "رقم الاشتراك", "رقم العقد", "id subskrypcji", "numer subskrypcji", "numer umowy", "abonelik no", "abonelik numarası", "sözleşme no", "sözleşme numarası", "รหัสการสมัครสมาชิก", "เลขที่สัญญา"}
	synFile     = []string{"file", "file name", "filename", "فایل", "نام فایل", "الملف", "اسم الملف", "plik", "nazwa pliku", "dosya", "dosya adı", "ไฟล์", "ชื่อไฟล์"}
)

var campaignStatusWords = words(map[string][]string{
	"idea":        {"idea", "backlog", "ایده", "فكرة", "pomysł", "fikir", "ไอเดีย"},
	"planned":     {"planned", "plan", "planning", "scheduled", "برنامه‌ریزی‌شده", "برنامه ریزی شده", "مخطط", "planowana", "zaplanowana", "planlandı", "planlanan", "วางแผนแล้ว", "วางแผน"},
	"in_progress": {"in progress", "in_progress", "wip", "ongoing", "active", "در حال انجام", "قيد التنفيذ", "w toku", "w trakcie", "devam ediyor", "sürüyor", "กำลังดำเนินการ"},
	"live":        {"live", "running", "launched", "فعال", "منتشر", "مباشر", "نشط", "aktywna", "trwa", "yayında", "canlı", "เผยแพร่แล้ว", "กำลังใช้งาน"},
	"completed":   {"completed", "complete", "done", "finished", "ended", "تمام‌شده", "انجام شد", "مكتمل", "منتهي", "zakończona", "ukończona", "tamamlandı", "bitti", "เสร็จสิ้น", "เสร็จแล้ว"},
	"cancelled":   {"cancelled", "canceled", "dropped", "لغو شده", "لغو", "ملغى", "ملغاة", "anulowana", "iptal", "iptal edildi", "ยกเลิก"},
})

var deliverableStatusWords = words(map[string][]string{
	"idea":      {"idea", "backlog", "ایده", "فكرة", "pomysł", "fikir", "ไอเดีย"},
	"draft":     {"draft", "drafting", "writing", "in progress", "پیش‌نویس", "پیش نویس", "مسودة", "szkic", "taslak", "ฉบับร่าง", "ร่าง"},
	"review":    {"review", "in review", "for approval", "بازبینی", "مراجعة", "recenzja", "do akceptacji", "inceleme", "onayda", "ตรวจสอบ"},
	"scheduled": {"scheduled", "ready", "planned", "زمان‌بندی‌شده", "مجدول", "zaplanowany", "zaplanowane", "planlandı", "zamanlandı", "ตั้งเวลาแล้ว"},
	"published": {"published", "posted", "live", "done", "منتشر شده", "منتشرشده", "منشور", "opublikowany", "opublikowane", "yayınlandı", "เผยแพร่แล้ว"},
})

// DeliverableTypeWords maps what people call content to deliverable
// types; other names become custom types.
var DeliverableTypeWords = words(map[string][]string{
	"blog_post":    {"blog", "blog post", "article", "وبلاگ", "مقاله", "مدونة", "مقال", "wpis", "artykuł", "blog yazısı", "makale", "บทความ", "บล็อก"},
	"email":        {"email", "e-mail", "newsletter", "mail", "ایمیل", "البريد الإلكتروني", "رسالة", "e-mail", "newsletter", "e-posta", "bülten", "อีเมล"},
	"ad":           {"ad", "ads", "advert", "banner", "تبلیغ", "آگهی", "إعلان", "reklama", "reklam", "โฆษณา"},
	"social_post":  {"social", "social post", "post", "text post", "text", "tweet", "thread", "image post", "static post", "carousel", "carousel post", "text + image", "poll", "quote image", "story", "پست", "منشور", "wpis", "post", "gönderi", "โพสต์"},
	"video":        {"video", "reel", "reels", "video post", "short", "ویدیو", "ویدئو", "فيديو", "wideo", "film", "วิดีโอ"},
	"event":        {"event", "webinar", "رویداد", "وبینار", "فعالية", "حدث", "wydarzenie", "webinar", "etkinlik", "อีเวนต์", "กิจกรรม"},
	"landing_page": {"landing page", "landing", "صفحه فرود", "صفحة الهبوط", "strona docelowa", "açılış sayfası", "แลนดิ้งเพจ"},
})

var spendStatusWords = words(map[string][]string{
	"planned":   {"planned", "plan", "forecast", "برنامه‌ریزی‌شده", "مخطط", "planowane", "planlanan", "วางแผน"},
	"committed": {"committed", "ordered", "po", "booked", "تعهد شده", "ملتزم", "zaciągnięte", "zamówione", "taahhüt", "ผูกพันแล้ว"},
	"actual":    {"actual", "paid", "spent", "invoiced", "پرداخت شده", "واقعی", "فعلي", "مدفوع", "zapłacone", "rzeczywiste", "ödendi", "gerçekleşen", "จ่ายแล้ว", "จริง"},
})

var billingWords = words(map[string][]string{
	"monthly":    {"monthly", "month", "per month", "ماهانه", "شهري", "miesięcznie", "miesięczny", "aylık", "รายเดือน"},
	"quarterly":  {"quarterly", "quarter", "سه‌ماهه", "فصلی", "ربع سنوي", "kwartalnie", "kwartalny", "üç aylık", "çeyreklik", "รายไตรมาส"},
	"annual":     {"annual", "annually", "yearly", "year", "سالانه", "سنوي", "rocznie", "roczny", "yıllık", "รายปี"},
	"multi_year": {"multi-year", "multi year", "multiyear", "چندساله", "متعدد السنوات", "wieloletni", "çok yıllık", "หลายปี"},
	"one_off":    {"one-off", "one off", "once", "one-time", "یکباره", "لمرة واحدة", "jednorazowo", "jednorazowy", "tek seferlik", "ครั้งเดียว"},
})

var contractStatusWords = words(map[string][]string{
	"trial":      {"trial", "pilot", "trialing", "trialling", "in trial", "free trial", "آزمایشی", "تجريبي", "próbny", "deneme", "ทดลอง"},
	"active":     {"active", "live", "current", "pending renewal", "renewing", "renewal pending", "past due", "overdue", "in grace period", "فعال", "نشط", "aktywny", "aktif", "ใช้งาน"},
	"cancelling": {"cancelling", "canceling", "to cancel", "non-renewing", "non renewing", "not renewing", "pending cancellation", "cancel at period end", "در حال لغو", "قيد الإلغاء", "w trakcie anulowania", "iptal ediliyor", "กำลังยกเลิก"},
	"ended":      {"ended", "expired", "cancelled", "canceled", "terminated", "inactive", "lapsed", "پایان‌یافته", "منقضی", "منتهي", "zakończony", "wygasł", "sona erdi", "bitti", "สิ้นสุด", "หมดอายุ"},
})

var vendorCategoryWords = words(map[string][]string{
	"crm":                  {"crm", "sales", "سی‌آر‌ام", "إدارة علاقات العملاء", "crm", "müşteri ilişkileri", "ซีอาร์เอ็ม"},
	"email":                {"email", "e-mail", "newsletter", "ایمیل", "البريد الإلكتروني", "poczta", "e-posta", "อีเมล"},
	"marketing_automation": {"marketing automation", "automation", "اتوماسیون بازاریابی", "أتمتة التسويق", "automatyzacja marketingu", "pazarlama otomasyonu", "การตลาดอัตโนมัติ"},
	"analytics":            {"analytics", "analysis", "bi", "reporting", "تحلیل", "آنالیتیکس", "التحليلات", "analityka", "analitik", "การวิเคราะห์"},
	"ads":                  {"ads", "advertising", "paid media", "تبلیغات", "الإعلانات", "reklama", "reklam", "โฆษณา"},
	"design":               {"design", "creative", "طراحی", "التصميم", "projektowanie", "grafika", "tasarım", "ออกแบบ"},
	"social":               {"social", "social media", "شبکه اجتماعی", "شبکه‌های اجتماعی", "وسائل التواصل", "media społecznościowe", "sosyal medya", "โซเชียล"},
	"data":                 {"data", "cdp", "داده", "البيانات", "dane", "veri", "ข้อมูล"},
	"other":                {"other", "misc", "سایر", "أخرى", "inne", "diğer", "อื่นๆ"},
})

func words(m map[string][]string) map[string]string {
	out := map[string]string{}
	for v, ws := range m {
		out[normHeader(v)] = v
		for _, w := range ws {
			out[normHeader(w)] = v
		}
	}
	return out
}

func choices(m map[string]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range m {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}
