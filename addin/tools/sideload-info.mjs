// `npm run sideload-info`: how to load the add-in into Excel on each platform.
const base = (process.env.ADDIN_BASE_URL ?? "https://localhost:3000").replace(/\/+$/, "");
console.log(`Nạp thử (sideload) add-in Thi đua — manifest: dist/addin/manifest.xml (URL gốc ${base})

Chuẩn bị (máy phát triển):
  npm run build:addin
  npx office-addin-dev-certs install      # tin cậy chứng chỉ https://localhost (một lần)
  npm run dev-server                       # phục vụ dist/addin tại https://localhost:3000

Windows (Excel cho máy tính):   npm start   (office-addin-debugging nạp manifest và mở Excel); npm stop để gỡ.
  Hoặc thủ công: chia sẻ một thư mục chứa manifest.xml, thêm vào Excel › Tệp › Tùy chọn › Trung tâm Tin cậy ›
  Danh mục Add-in Tin cậy, rồi Trang đầu › Bổ trợ › Thư mục dùng chung.
macOS (Excel cho Mac):          npm start, hoặc chép manifest.xml vào
  ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ rồi mở lại Excel (Trang đầu › Bổ trợ).
Excel trên web:                 mở một sổ, Trang đầu › Bổ trợ › Thêm bổ trợ › Tải lên bổ trợ của tôi (Upload My Add-in),
  chọn dist/addin/manifest.xml. Với máy chủ thật: ADDIN_BASE_URL=https://… npm run build:addin rồi chép dist/addin lên máy chủ HTTPS tĩnh.
Linux: office-addin-debugging không nạp được trên Linux; dùng Excel trên web như trên.

Sau khi nạp: thẻ Trang đầu › nhóm “Thi đua” › nút “Sổ cuộc thi”.`);
