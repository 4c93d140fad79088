using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Documents;

public sealed class DocumentStoreTests
{
    private static byte[] Content(int size) => Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();

    private static async Task<(DomainDatabase Database, DocumentStore Store, Complaint Complaint)> SetUpAsync(long maxSize = DocumentStoreOptions.DefaultMaxSizeBytes)
    {
        var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var store = new DocumentStore(database.Factory, database.Clock,
            new DocumentStoreOptions { DataDirectory = Path.Combine(database.Folder, "data"), MaxSizeBytes = maxSize });
        return (database, store, complaint);
    }

    [Fact]
    public async Task A_document_is_stored_under_the_complaint_folder_with_its_SHA_256_and_read_back()
    {
        var (database, store, complaint) = await SetUpAsync();
        await using var _ = database;
        var bytes = Content(100_000);

        var document = await store.AddAsync(complaint.Id, DocumentKind.OriginalLetter, "Courrier client.pdf", "application/pdf",
            new MemoryStream(bytes), "sophie");

        document.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        document.Size.Should().Be(bytes.Length);
        document.StoragePath.Should().Be($"documents/{complaint.Id}/{document.Id:N}-Courrier_client.pdf");
        document.UploadedAt.Should().Be(database.Clock.GetUtcNow());
        File.Exists(Path.Combine(database.Folder, "data", document.StoragePath)).Should().BeTrue();

        await using var opened = await store.OpenAsync(document.Id);
        using var copy = new MemoryStream();
        await opened.Content.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
        opened.Metadata.FileName.Should().Be("Courrier client.pdf");

        var file = await new ComplaintRegister(database.Factory, database.Clock).GetAsync(complaint.Id);
        file.Documents.Should().ContainSingle().Which.Id.Should().Be(document.Id);
        file.Audit.Last().Action.Should().Be("Document ajouté");
    }

    [Fact]
    public async Task An_altered_file_is_refused_with_a_clear_error()
    {
        var (database, store, complaint) = await SetUpAsync();
        await using var _ = database;
        var document = await store.AddAsync(complaint.Id, DocumentKind.Attachment, "releve.pdf", "application/pdf",
            new MemoryStream(Content(1000)), "sophie");
        var path = Path.Combine(database.Folder, "data", document.StoragePath);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[500] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        var act = () => store.OpenAsync(document.Id);

        (await act.Should().ThrowAsync<DocumentIntegrityException>()).Which.Message.Should().Contain("releve.pdf").And.Contain("modifié");
    }

    [Fact]
    public async Task A_missing_file_is_refused_with_a_clear_error()
    {
        var (database, store, complaint) = await SetUpAsync();
        await using var _ = database;
        var document = await store.AddAsync(complaint.Id, DocumentKind.Attachment, "releve.pdf", "application/pdf",
            new MemoryStream(Content(10)), "sophie");
        File.Delete(Path.Combine(database.Folder, "data", document.StoragePath));

        (await store.Invoking(s => s.OpenAsync(document.Id)).Should().ThrowAsync<DocumentIntegrityException>())
            .Which.Message.Should().Contain("introuvable");
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_leaves_nothing_behind()
    {
        var (database, store, complaint) = await SetUpAsync(maxSize: 1024);
        await using var _ = database;

        var act = () => store.AddAsync(complaint.Id, DocumentKind.Attachment, "gros.bin", "application/octet-stream",
            new MemoryStream(Content(2000)), "sophie");

        (await act.Should().ThrowAsync<DocumentTooLargeException>()).Which.MaxSizeBytes.Should().Be(1024);
        await using var db = database.Open();
        (await db.Documents.CountAsync()).Should().Be(0);
        var folder = Path.Combine(database.Folder, "data", "documents", complaint.Id.ToString());
        (Directory.Exists(folder) ? Directory.GetFiles(folder) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_accepted()
    {
        var (database, store, complaint) = await SetUpAsync(maxSize: 1024);
        await using var _ = database;

        var document = await store.AddAsync(complaint.Id, DocumentKind.Attachment, "juste.bin", "", new MemoryStream(Content(1024)), "sophie");

        document.Size.Should().Be(1024);
        document.ContentType.Should().Be("application/octet-stream");
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\claire\\lettre de réclamation.docx", "lettre_de_réclamation.docx")]
    [InlineData("...", "fichier")]
    public async Task Uploaded_names_cannot_leave_the_complaint_folder(string fileName, string storedName)
    {
        var (database, store, complaint) = await SetUpAsync();
        await using var _ = database;

        var document = await store.AddAsync(complaint.Id, DocumentKind.Attachment, fileName, "text/plain", new MemoryStream(Content(3)), "sophie");

        document.StoragePath.Should().Be($"documents/{complaint.Id}/{document.Id:N}-{storedName}");
    }

    [Fact]
    public async Task A_document_needs_an_existing_complaint()
    {
        var (database, store, _) = await SetUpAsync();
        await using var __ = database;

        await store.Invoking(s => s.AddAsync(Guid.NewGuid(), DocumentKind.Attachment, "a.txt", "text/plain", new MemoryStream([1]), "sophie"))
            .Should().ThrowAsync<ComplaintNotFoundException>();
    }
}
